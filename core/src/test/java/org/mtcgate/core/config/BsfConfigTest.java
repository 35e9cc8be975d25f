package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BsfConfigTest {
    static final String HEAD = """
            roles: [hss, bsf]
            policy: policy.yaml
            subscribers: subscribers.yaml
            diameter: {identity: hss.operator.test, insecure-lab: true}
            """;

    static NodeConfig parse(String text) throws ConfigException {
        return NodeConfigFile.parse("mtcgate.yaml", Path.of("/lab"), new StringReader(text));
    }

    static String error(String text) {
        return assertThrows(ConfigException.class, () -> parse(text)).getMessage();
    }

    @Test
    void defaultsAndPaths() throws Exception {
        NodeConfig c = parse(HEAD + """
                bsf:
                  server-name: bsf.operator.test
                  tls: {certificate: pki/bsf.operator.test.crt, key: pki/bsf.operator.test.key}
                """);
        assertTrue(c.has(Role.BSF));
        BsfSettings b = c.bsf();
        assertEquals("bsf.operator.test", b.serverName());
        assertEquals(8443, b.listen().getPort());
        assertEquals(Duration.ofHours(1), b.keyLifetime());
        assertEquals(100_000, b.maxContexts());
        assertEquals(Path.of("/lab/pki/bsf.operator.test.crt"), b.tls().certificate());
    }

    @Test
    void nafsMustBeDiameterPeersOfRoleNaf() throws Exception {
        String head = HEAD.replace("insecure-lab: true}", "insecure-lab: true,\n  peers: [{host: naf1.operator.test, role: naf}, "
                + "{host: scs1.operator.test, role: scs}]}");
        String tls = "  tls: {certificate: a, key: b}\n";
        BsfSettings b = parse(head + "bsf:\n  server-name: b.test\n" + tls
                + "  nafs: [{host: NAF1.operator.test, fqdns: [App.Operator.test]}]\n").bsf();
        assertEquals(Map.of("naf1.operator.test", Set.of("app.operator.test")), b.nafs());
        assertEquals(Set.of("naf1.operator.test"), parse(head + "bsf:\n  server-name: b.test\n" + tls
                + "  nafs: [{host: naf1.operator.test}]\n").bsf().nafs().get("naf1.operator.test"), "default: its host");
        assertTrue(error(head + "bsf:\n  server-name: b.test\n" + tls + "  nafs: [{host: scs1.operator.test}]\n")
                .contains("must be a diameter peer with 'role: naf'"));
        assertTrue(error(head + "bsf:\n  server-name: b.test\n" + tls + "  nafs: [{host: naf1.operator.test, fqdns: ['a b']}]\n")
                .contains("is not an FQDN"));
    }

    @Test
    void aNafMarkedPushMayAskForGpisForItsFqdns() throws Exception {
        String head = HEAD.replace("insecure-lab: true}", "insecure-lab: true,\n  peers: [{host: naf1.operator.test, role: naf}, "
                + "{host: scs1.operator.test, role: naf}]}");
        BsfSettings b = parse(head + "bsf:\n  server-name: b.test\n  tls: {certificate: a, key: b}\n"
                + "  nafs: [{host: naf1.operator.test}, {host: SCS1.operator.test, fqdns: [scs.utility.test], push: true}]\n").bsf();
        assertEquals(Set.of("scs1.operator.test"), b.pushHosts());
        assertEquals(Map.of("scs1.operator.test", Set.of("scs.utility.test")), b.pushNafs());
        assertEquals(2, b.nafs().size(), "a Push-NAF is still a NAF on Zn");
        assertTrue(error(head + "bsf:\n  server-name: b.test\n  tls: {certificate: a, key: b}\n"
                + "  nafs: [{host: naf1.operator.test, push: maybe}]\n").contains("push"));
    }

    @Test
    void uesThatRequireGbaPush() throws Exception {
        String head = "roles: [mtc-iwf]\npolicy: policy.yaml\nsubscribers: subscribers.yaml\n"
                + "diameter: {identity: iwf.operator.test, insecure-lab: true}\n";
        String t4 = "t4: {host: smsc.operator.test, sme-address: \"491720000999\"}";
        NodeConfig.GbaPushRequired g = parse(head + "mtc-iwf: {" + t4 + ", require-gba-push: {external-id-domains: [Meters.test], "
                + "imsis: [\"262015500000001\"]}}\n").mtcIwf().gbaPushRequired();
        assertEquals(Set.of("meters.test"), g.externalIdDomains());
        assertEquals(Set.of("262015500000001"), g.imsis());
        assertTrue(parse(head + "mtc-iwf: {" + t4 + "}\n").mtcIwf().gbaPushRequired().isEmpty());
        assertTrue(error(head + "mtc-iwf: {" + t4 + ", require-gba-push: {}}\n").contains("names no external-id-domains and no imsis"));
        assertTrue(error(head + "mtc-iwf: {" + t4 + ", require-gba-push: {imsis: [abc]}}\n").contains("is not an IMSI"));
    }

    @Test
    void refusals() {
        assertTrue(error(HEAD).contains("the bsf role needs a 'bsf' section"));
        assertTrue(error(HEAD + "bsf: {server-name: bsf.operator.test}\n").contains("Ub is HTTPS"));
        assertTrue(error(HEAD + "bsf: {server-name: 'bsf operator', tls: {certificate: a, key: b}}\n")
                .contains("is not a host name"));
        assertTrue(error(HEAD + "bsf: {server-name: b.test, key-lifetime: 0s, tls: {certificate: a, key: b}}\n")
                .contains("must be positive"));
        assertTrue(error(HEAD + "bsf: {server-name: b.test, lifetime: 1h, tls: {certificate: a, key: b}}\n")
                .contains("lifetime"));
        assertTrue(error(HEAD.replace("[hss, bsf]", "[hss]") + "bsf: {server-name: b.test, tls: {certificate: a, key: b}}\n")
                .contains("the bsf role is not in 'roles'"));
    }

    @Test
    void ubLimitsDefaultSafelyAndCanBeSet() throws Exception {
        String head = HEAD + "bsf:\n  server-name: b.test\n  tls: {certificate: a, key: b}\n";
        assertEquals(org.mtcgate.bsf.FloodLimits.DEFAULT, parse(head).bsf().ubLimits());
        org.mtcgate.bsf.FloodLimits l = parse(head + """
                  ub-limits:
                    per-source: {per-second: 2.5, burst: 10}
                    per-impi: {per-second: 0.01}
                    vectors: {burst: 7}
                    max-tracked: 50
                    max-pending-challenges: 60
                """).bsf().ubLimits();
        assertEquals(new org.mtcgate.bsf.FloodLimits.Rate(2.5, 10), l.perSource());
        assertEquals(new org.mtcgate.bsf.FloodLimits.Rate(0.01, org.mtcgate.bsf.FloodLimits.DEFAULT.perImpi().burst()), l.perImpi());
        assertEquals(7, l.vectors().burst());
        assertEquals(50, l.maxTracked());
        assertEquals(60, l.maxPendingChallenges());
        assertTrue(error(head + "  ub-limits: {per-impi: {per-second: 0}}\n").contains("must be above 0"));
        assertTrue(error(head + "  ub-limits: {per-impi: {per-second: x}}\n").contains("is not a number"));
        assertTrue(error(head + "  ub-limits: {per-ip: {burst: 1}}\n").contains("per-ip"));
    }

    @Test
    void vectorsOverZhFromAPeerOfRoleHss() throws Exception {
        String head = HEAD.replace("insecure-lab: true}", "insecure-lab: true,\n  peers: [{host: hss1.home.test, role: hss, "
                + "connect: 127.0.0.1:3868}, {host: naf1.operator.test, role: naf}]}");
        String bsf = "bsf:\n  server-name: b.test\n  tls: {certificate: a, key: b}\n";
        assertEquals(null, parse(head + bsf).bsf().hss(), "default: the node's own hss role");
        assertEquals(new BsfSettings.Hss("hss1.home.test", "home.test"), parse(head + bsf + "  hss: {host: hss1.home.test}\n").bsf().hss());
        assertEquals("other.test", parse(head + bsf + "  hss: {host: hss1.home.test, realm: other.test}\n").bsf().hss().realm());
        assertTrue(error(head + bsf + "  hss: {host: naf1.operator.test}\n").contains("must be a diameter peer with 'role: hss'"));
        assertTrue(error(head + bsf + "  hss: {host: nowhere.test}\n").contains("must be a diameter peer with 'role: hss'"));
    }
}
