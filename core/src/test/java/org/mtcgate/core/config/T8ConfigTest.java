package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.yaml.ConfigException;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The t8 section of the scef role: what it needs and what it refuses, naming file, line and field. */
class T8ConfigTest {
    static final String NODE = """
            roles: [mtc-iwf, scef]
            policy: p.yaml
            subscribers: s.yaml
            diameter: {identity: mtc-iwf.example.net, insecure-lab: true,
                       peers: [{host: scs1.example.net}, {host: smsc.example.net, role: sms-sc}]}
            mtc-iwf: {t4: {host: smsc.example.net, sme-address: "491720000100"}}
            """;
    static final String T8 = """
            t8:
              listen: 127.0.0.1:0
              tls: {certificate: pki/scef.crt, key: pki/scef.key, trusted-ca: pki/ca.crt}
              token-lifetime: 2m
              clients:
                - {scs-as-id: as1, certificate-names: [as1.example.com], secret-hash: "pbkdf2-sha256$1000$c2FsdA$aGFzaA", scopes: [create, read]}
            """;

    @Test
    void readsTheSection() throws ConfigException {
        NodeConfig c = NodeConfigFileTest.parse(NODE + T8);
        assertTrue(c.has(Role.SCEF));
        T8Config t8 = c.t8();
        assertEquals(Duration.ofMinutes(2), t8.tokenLifetime());
        assertEquals("https://127.0.0.1:0", t8.publicUri().toString());
        assertEquals(Set.of("create", "read"), t8.clients().get(0).scopes());
        assertEquals(Set.of("as1.example.com"), t8.clients().get(0).certificateNames());
    }

    @Test
    void refusals() {
        assertTrue(NodeConfigFileTest.refuse(NODE).getMessage().contains("the scef role needs a 't8' section"));
        assertTrue(NodeConfigFileTest.refuse(NODE.replace(", scef]", "]") + T8).getMessage()
                .contains("there is a 't8' section but the scef role is not in 'roles'"));
        assertTrue(NodeConfigFileTest.refuse(NODE + T8.replace("as1, cert", "scs1.example.net, cert")).getMessage()
                .contains("is also a Diameter peer"));
        assertTrue(NodeConfigFileTest.refuse(NODE + T8.replace("\"pbkdf2-sha256$1000$c2FsdA$aGFzaA\"", "hunter2")).getMessage()
                .contains("never a secret"));
        assertTrue(NodeConfigFileTest.refuse(NODE + T8.replace("2m", "2h")).getMessage().contains("short-lived"));
        assertTrue(NodeConfigFileTest.refuse(NODE + T8.replace("read]", "delete]")).getMessage().contains("'delete' is not one of"));
        assertTrue(NodeConfigFileTest.refuse(NODE + T8.replace("  tls: {certificate: pki/scef.crt, key: pki/scef.key, trusted-ca: pki/ca.crt}\n", ""))
                .getMessage().contains("T8 needs TLS with client certificates"));
    }
}
