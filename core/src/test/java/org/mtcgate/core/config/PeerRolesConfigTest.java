package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diameter.peers[].role and .applications: what each peer may send. */
class PeerRolesConfigTest {
    static final String HEAD = "roles: [hss]\npolicy: p.yaml\nsubscribers: s.yaml\ndiameter:\n  identity: hss.operator.test\n"
            + "  insecure-lab: true\n  peers:\n";

    static NodeConfig parse(String peers) throws ConfigException {
        return NodeConfigFile.parse("mtcgate.yaml", Path.of("/lab"), new StringReader(HEAD + peers));
    }

    static String refuse(String peers) {
        return assertThrows(ConfigException.class, () -> parse(peers)).getMessage();
    }

    @Test
    void rolesAreReadAsOneOrAList() throws Exception {
        NodeConfig c = parse("""
                    - {host: scs1.utility.test}
                    - {host: mtc-iwf.partner.test, role: mtc-iwf, applications: [s6m]}
                    - {host: core.b.test, role: [hss, sms-sc]}
                """);
        DiameterSettings.Peer scs = c.diameter().peers().get(0);
        assertEquals(Set.of(PeerRole.SCS), scs.roles(), "no role means scs, as the sample's peers are");
        assertNull(scs.applications());
        DiameterSettings.Peer iwf = c.diameter().peers().get(1);
        assertEquals(Set.of(PeerRole.MTC_IWF), iwf.roles());
        assertEquals(Set.of(ApplicationIds.S6M), iwf.applications());
        PeerConfig p = iwf.toPeerConfig();
        assertEquals(Optional.of(Set.of(ApplicationIds.S6M)), p.applications());
        assertEquals(Set.of(PeerRole.HSS, PeerRole.SMS_SC), c.diameter().peers().get(2).roles());
    }

    @Test
    void mistakesNameFileLineAndField() {
        assertTrue(refuse("    - {host: a.b, role: gmlc}\n").contains("unknown peer role 'gmlc'"));
        assertTrue(refuse("    - {host: a.b, role: scs, applications: [gx]}\n").contains("unknown application 'gx'"));
        String widening = refuse("    - {host: a.b, role: scs, applications: [t4]}\n");
        assertTrue(widening.contains("can only narrow") && widening.contains("mtcgate.yaml"), widening);
        assertTrue(refuse("    - {host: a.b, role: []}\n").contains("needs a role"));
    }

    @Test
    void theT4SmsScPeerMustHaveTheSmsScRole() {
        String e = assertThrows(ConfigException.class, () -> NodeConfigFile.parse("mtcgate.yaml", Path.of("/lab"), new StringReader("""
                roles: [mtc-iwf]
                policy: p.yaml
                subscribers: s.yaml
                diameter:
                  identity: mtc-iwf.a.test
                  insecure-lab: true
                  peers: [{host: core.b.test, connect: "127.0.0.1:3868"}]
                mtc-iwf:
                  t4: {host: core.b.test, sme-address: "491720000999"}
                """))).getMessage();
        assertTrue(e.contains("lacks 'role: sms-sc'"), e);
    }
}
