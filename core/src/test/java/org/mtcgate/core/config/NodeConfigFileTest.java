package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeConfigFileTest {
    static final Path BASE = Path.of("/lab/config");

    static NodeConfig parse(String yaml) throws ConfigException {
        return NodeConfigFile.parse("mtcgate.yaml", BASE, new StringReader(yaml));
    }

    static ConfigException refuse(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    @Test
    void theSampleConfigLoads() throws Exception {
        NodeConfig c = NodeConfigFile.load(Path.of("..", "config", "mtcgate.yaml"));
        assertTrue(c.has(Role.MTC_IWF));
        assertTrue(c.has(Role.SMS_SC));
        assertEquals("491720000999", c.smsSc().triggerOriginator());
        assertEquals("mtc-iwf.operator.example.net", c.diameter().identity());
        assertEquals(5868, c.diameter().listen().getPort());
        assertTrue(c.diameter().tls().generateLabPki());
        assertFalse(c.diameter().insecureLab());
        assertEquals(2, c.diameter().peers().size());
        assertEquals(Duration.ofDays(7), c.mtcIwf().maxValidity());
        assertEquals(256, c.smsSc().maxInFlight());
    }

    /** config/gba-lab.yaml, which docs/gba-lab.md runs as written: one node with MTC-IWF, SMS-SC, HSS and BSF. */
    @Test
    void theGbaLabSampleConfigLoads() throws Exception {
        NodeConfig c = NodeConfigFile.load(Path.of("..", "config", "gba-lab.yaml"));
        assertEquals(java.util.Set.of(Role.MTC_IWF, Role.SMS_SC, Role.HSS, Role.BSF), c.roles());
        assertEquals(Path.of("..", "config", "..", "data-gba").toAbsolutePath().normalize(), c.dataDir().toAbsolutePath().normalize());
        assertEquals(5870, c.diameter().listen().getPort());
        assertTrue(c.diameter().tls().generateLabPki());
        assertEquals(java.util.Set.of(org.mtcgate.diameter.peer.PeerRole.SCS, org.mtcgate.diameter.peer.PeerRole.NAF),
                c.diameter().peers().stream().filter(p -> p.host().equals("scs1.utility.example.com")).findFirst()
                        .orElseThrow().roles(), "the lab SCS is also a Push-NAF");
        assertEquals(java.util.Map.of("scs1.utility.example.com", java.util.Set.of("scs.utility.example.com")), c.bsf().pushNafs());
        assertEquals(2, c.bsf().nafs().size());
        assertEquals(8443, c.bsf().listen().getPort());
        assertEquals(null, c.bsf().hss(), "the BSF takes vectors from the node's own HSS");
        assertEquals(java.util.Set.of("262015500000001"), c.mtcIwf().gbaPushRequired().imsis());
        NodeConfig main = NodeConfigFile.load(Path.of("..", "config", "mtcgate.yaml"));
        assertNotEquals(main.dataDir().toAbsolutePath().normalize(), c.dataDir().toAbsolutePath().normalize());
        assertNotEquals(main.diameter().listen().getPort(), c.diameter().listen().getPort());
        assertNotEquals(main.metricsListen().getPort(), c.metricsListen().getPort());
        assertNotEquals(main.console().port(), c.console().port());
    }

    @Test
    void pathsAreRelativeToTheConfigFile() throws Exception {
        NodeConfig c = parse("""
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subs/s.yaml
                node: {data-dir: ../data}
                diameter: {identity: a.example.net, insecure-lab: true}
                ss7: {local-gt: "4917", association: {local: "127.0.0.1:2905", remote: "127.0.0.1:2906"}}
                """);
        assertEquals(BASE.resolve("policy.yaml"), c.policyFile());
        assertEquals(Path.of("/lab/data"), c.dataDir());
        assertEquals(3868, c.diameter().listen().getPort(), "plain TCP defaults to 3868");
        assertEquals("example.net", c.diameter().realm());
        assertEquals(1, c.ss7().peers().size());
        assertTrue(c.ss7().peers().get(0).server(), "an association is a server unless it says client");
        assertEquals(c.ss7().peers().get(0).name(), c.ss7().defaultPeer(), "the only peer takes every GT");
        assertEquals("4917", c.smsSc().triggerOriginator(), "trigger SMs come from the node's own GT by default");
        assertEquals(Duration.ofSeconds(10), c.ss7().invokeTimeout());
    }

    private static final String T4 = "  t4: {host: smsc.example.net, sme-address: \"491720000999\"}\n";
    private static final String TLS_DIAMETER = """
            roles: [mtc-iwf]
            policy: p.yaml
            subscribers: s.yaml
            diameter:
              identity: iwf.example.net
              tls: {certificate: n.crt, key: n.key, trusted-ca: ca.crt}
            """;

    @Test
    void listenersEachWithTheirTlsMode() throws Exception {
        NodeConfig c = parse(TLS_DIAMETER + """
                  listen:
                    - 127.0.0.1:5868
                    - {address: "127.0.0.1:5869", tls: inband}
                    - {address: "127.0.0.1:5870", tls: at-connect}
                """ + "mtc-iwf:\n" + T4);
        assertEquals(3, c.diameter().listeners().size());
        assertFalse(c.diameter().listeners().get(0).inband(), "TLS at connect is the default");
        assertTrue(c.diameter().listeners().get(1).inband());
        assertEquals(5869, c.diameter().listeners().get(1).address().getPort());
        assertFalse(c.diameter().listeners().get(2).inband());
        assertEquals(5868, c.diameter().listen().getPort(), "listen() is the first listener");
        assertEquals(5868, parse(TLS_DIAMETER + "  listen: 127.0.0.1:5868\n" + "mtc-iwf:\n" + T4).diameter().listen().getPort(),
                "the single-address form still works");
        assertEquals("mtcgate.yaml:7: diameter.listen[0].tls: 'late' is not at-connect or inband",
                refuse(TLS_DIAMETER + "  listen: [{address: '127.0.0.1:1', tls: late}]\n" + "mtc-iwf:\n" + T4).getMessage());
        assertTrue(refuse("roles: [mtc-iwf]\npolicy: p.yaml\nsubscribers: s.yaml\ndiameter: {identity: a.b, insecure-lab: true,"
                + " listen: [{address: '127.0.0.1:1', tls: inband}]}\n" + "mtc-iwf:\n" + T4).getMessage().contains("in-band TLS needs the 'tls' section"));
    }

    @Test
    void maxPayloadBeyondAConcatenatedSmIsRefusedAndScsIdentitiesAreRead() throws Exception {
        NodeConfig c = parse(TLS_DIAMETER + """
                mtc-iwf:
                  max-payload: 133
                  scs-identities:
                    scs1.Example.com: ["491710000001", scs-a]
                  t4: {host: smsc.example.net, sme-address: "491720000999"}
                """);
        assertEquals(133, c.mtcIwf().maxPayload());
        assertEquals(java.util.Set.of("491710000001", "scs-a"), c.mtcIwf().scsIdentities().get("scs1.example.com"));
        assertEquals(1016, parse(TLS_DIAMETER + "mtc-iwf:\n" + T4).mtcIwf().maxPayload(),
                "the default is eight segments with the port header");
        assertEquals("mtcgate.yaml:8: mtc-iwf.max-payload: 32386 is out of range 1 to 32385",
                refuse(TLS_DIAMETER + "mtc-iwf:\n  max-payload: 32386\n" + T4).getMessage());
    }

    @Test
    void incomingDialogCapsAreReadAndChecked() throws Exception {
        String head = "roles: [sms-sc]\npolicy: p.yaml\nss7: {local-gt: \"4917\", association: {local: \"127.0.0.1:1\", "
                + "remote: \"127.0.0.1:2\"}";
        NodeConfig c = parse(head + ", max-incoming-dialogs: 1500, max-incoming-dialogs-per-peer: 300, "
                + "unanswered-dialog-timeout: 3s}\n");
        assertEquals(new org.mtcgate.map.dialog.DialogLimits(1500, 300, 3000), c.ss7().dialogLimits());
        assertEquals(org.mtcgate.map.dialog.DialogLimits.DEFAULT, parse(head + "}\n").ss7().dialogLimits());
        assertTrue(refuse(head + ", max-incoming-dialogs: 5000}\n").getMessage().contains("max-incoming-dialogs"));
        assertTrue(refuse(head + ", max-incoming-dialogs: 100, max-incoming-dialogs-per-peer: 200}\n").getMessage()
                .contains("max-incoming-dialogs-per-peer"));
    }

    @Test
    void tspWithoutTlsMustBeSaidInPlainWords() {
        ConfigException e = refuse("roles: [mtc-iwf]\npolicy: p.yaml\nsubscribers: s.yaml\ndiameter: {identity: a.example.net}\n");
        assertTrue(e.getMessage().startsWith("mtcgate.yaml:4: diameter: Tsp needs TLS with client certificates"), e.getMessage());
        assertTrue(e.getMessage().contains("'insecure-lab: true'"));
    }

    @Test
    void mistakesNameFileLineAndField() {
        assertEquals("mtcgate.yaml:2: polcy: unknown key; expected one of audit, bsf, console, diameter, logging, metrics, mtc-iwf, node, policy, roles, sms-router, sms-sc, ss7, subscribers, t8, trace, tsms",
                refuse("roles: [mtc-iwf]\npolcy: p.yaml\n").getMessage());
        assertTrue(refuse("roles: [mtc-iwf, gmlc]\npolicy: p.yaml\n").getMessage()
                .startsWith("mtcgate.yaml:1: roles[1]: unknown role 'gmlc'"));
        assertTrue(refuse("roles: [sms-router]\npolicy: p.yaml\ndiameter: {identity: a.b, insecure-lab: true, listen: 'localhost'}\n")
                .getMessage().contains("diameter.listen: 'localhost' is not host:port"));
        assertTrue(refuse("roles: [sms-router]\npolicy: p.yaml\ndiameter: {identity: a.b, insecure-lab: true, watchdog: 30}\n")
                .getMessage().contains("diameter.watchdog: '30' is not a duration"));
        assertTrue(refuse("roles: [mtc-iwf]\npolicy: p.yaml\n").getMessage().contains("need a 'diameter' section"));
        assertTrue(refuse("roles: [sms-router]\n").getMessage().contains("'policy' is required"));
        assertTrue(refuse("roles: [mtc-iwf]\npolicy: p.yaml\nsubscribers: s.yaml\ndiameter: {identity: a.b, insecure-lab: true}\n")
                .getMessage().contains("add sms-sc to 'roles'"));
        assertTrue(refuse("roles: [sms-sc]\npolicy: p.yaml\n").getMessage().contains("need an 'ss7' section"));
        assertTrue(refuse("roles: [hss]\npolicy: p.yaml\ndiameter: {identity: a.b, insecure-lab: true}\n").getMessage()
                .contains("the hss role answers from 'subscribers'"));
        assertTrue(refuse("roles: [mtc-iwf]\npolicy: p.yaml\ndiameter: {identity: a.b, insecure-lab: true}\n"
                + "mtc-iwf: {hss: {host: h.b}, t4: {host: s.b, sme-address: 'x1'}}\n").getMessage()
                .contains("mtc-iwf.t4.sme-address: 'x1' is not an E.164 number"));
        assertTrue(refuse("roles: [sms-sc]\npolicy: p.yaml\nss7: {local-gt: \"4917\", association: {role: peer, local: \"a:1\", remote: \"b:2\"}}\n")
                .getMessage().contains("ss7.association.role: 'peer' is neither server"));
        String window = refuse("roles: [sms-sc]\npolicy: p.yaml\nss7: {local-gt: \"4917\", association: {local: \"127.0.0.1:1\", remote: \"127.0.0.1:2\"}}\n"
                + "sms-sc: {max-in-flight: 0}\n").getMessage();
        assertEquals("mtcgate.yaml:4: sms-sc.max-in-flight: 0 is out of range 1 to 100000", window);
    }

    @Test
    void ss7PeersAreListedWithTheirGlobalTitles() throws Exception {
        NodeConfig c = parse("""
                roles: [sms-router]
                policy: policy.yaml
                ss7:
                  local-gt: "491720000300"
                  point-code: 1
                  default-peer: stp
                  peers:
                    - {name: hlr, role: client, local: "127.0.0.1:2911", remote: "127.0.0.1:2910", point-code: 3, global-titles: ["4917200004"], ssns: [6], zone: home}
                    - {name: stp, local: "127.0.0.1:2905", remote: "127.0.0.1:2906", point-code: 2}
                sms-router: {home-mcc-mnc: "26201"}
                """);
        assertEquals(2, c.ss7().peers().size());
        Ss7Settings.Peer hlr = c.ss7().peers().get(0);
        assertEquals("hlr", hlr.name());
        assertFalse(hlr.server());
        assertEquals(java.util.List.of("4917200004"), hlr.gtPrefixes());
        assertEquals(java.util.List.of(6), hlr.ssns());
        assertEquals(java.util.List.of(8, 6), c.ss7().peers().get(1).ssns(), "MSC/SMSC and HLR subsystems by default");
        assertEquals("stp", c.ss7().defaultPeer());
        assertEquals("client 127.0.0.1:2911 to 127.0.0.1:2910", hlr.describe());
        assertEquals(org.mtcgate.filter.Zone.HOME, hlr.zone());
        assertEquals(org.mtcgate.filter.Zone.INTERCONNECT, c.ss7().peers().get(1).zone(), "interconnect unless said");
    }

    @Test
    void ss7PeerMistakesAreNamed() {
        String head = "roles: [sms-router]\npolicy: p.yaml\nss7:\n  local-gt: \"4917\"\n";
        assertTrue(refuse(head).getMessage().contains("ss7: give either 'peers'"));
        assertTrue(refuse(head + "  peers:\n    - {name: a, local: \"h:1\", remote: \"h:2\", point-code: 2}\n"
                + "    - {name: a, local: \"h:1\", remote: \"h:3\", point-code: 3}\n").getMessage()
                .startsWith("mtcgate.yaml:7: ss7.peers[1]: peer name 'a' is used twice"));
        assertTrue(refuse(head + "  peers:\n    - {name: a, local: \"h:1\", remote: \"h:2\", point-code: 1}\n").getMessage()
                .contains("the peer's point code 1 is this node's own"));
        assertTrue(refuse(head + "  peers:\n    - {name: a, local: \"h:1\", remote: \"h:2\"}\n").getMessage()
                .contains("peer 'a' needs its 'point-code'"));
        assertTrue(refuse(head + "  peers:\n    - {name: a, local: \"h:1\", remote: \"h:2\", point-code: 2, global-titles: [\"49x\"]}\n")
                .getMessage().contains("ss7.peers[0].global-titles[0]: '49x' is not an E.164 prefix"));
        assertTrue(refuse(head + "  default-peer: b\n  peers:\n    - {name: a, local: \"h:1\", remote: \"h:2\", point-code: 2}\n")
                .getMessage().contains("ss7.default-peer: there is no peer named 'b'"));
        assertTrue(refuse(head + "  peers:\n    - {name: a, local: \"h:1\", remote: \"h:2\", point-code: 2, global-titles: [\"49\"]}\n"
                + "    - {name: b, local: \"h:1\", remote: \"h:3\", point-code: 3, global-titles: [\"49\"]}\n").getMessage()
                .contains("global title prefix '49' is routed to two peers"));
        assertTrue(refuse(head + "  peers:\n    - {name: a, local: \"h:1\", remote: \"h:2\", point-code: 2, zone: abroad}\n")
                .getMessage().contains("ss7.peers[0].zone: unknown zone 'abroad' (home or interconnect)"));
    }

    @Test
    void smsRouterSettings() throws Exception {
        String head = "roles: [sms-router]\npolicy: p.yaml\nss7: {local-gt: \"491720000100\", association: {local: \"h:1\", remote: \"h:2\"}}\n";
        NodeConfig c = parse(head + "sms-router: {home-mcc-mnc: \"26201\", hlr-gt: \"491720000006\"}\n");
        assertEquals("491720000100", c.smsRouter().globalTitle(), "the node's GT unless the router names its own");
        assertEquals("491720000006", c.smsRouter().hlrGt());
        assertEquals(Duration.ofMinutes(2), c.smsRouter().correlationTtl());
        assertTrue(c.smsRouter().sameServiceCentre());
        assertTrue(refuse(head).getMessage().contains("the sms-router role needs an 'sms-router' section"));
        assertTrue(refuse(head + "sms-router: {home-mcc-mnc: \"262\"}\n").getMessage()
                .startsWith("mtcgate.yaml:4: sms-router.home-mcc-mnc: '262' is not an MCC+MNC"));
        assertTrue(refuse(head.replace("sms-router]", "sms-sc]") + "sms-router: {home-mcc-mnc: \"26201\"}\n").getMessage()
                .contains("there is an 'sms-router' section but the sms-router role is not in 'roles'"));
        assertTrue(refuse(head.replace("sms-router]", "sms-sc]") + "sms-sc: {addresses: [\"+49\"]}\n").getMessage()
                .contains("sms-sc.addresses[0]: '+49' is not an E.164 address"));
    }

    @Test
    void diameterLimitsAndOverloadHaveDefaultsAndCanBeSet() throws Exception {
        String head = "roles: [mtc-iwf, sms-sc]\npolicy: p.yaml\nsubscribers: s.yaml\n"
                + "ss7: {local-gt: \"4917\", association: {local: \"127.0.0.1:2905\", remote: \"127.0.0.1:2906\"}}\n";
        DiameterSettings.Protection d = parse(head + "diameter: {identity: a.b, insecure-lab: true}\n").diameter().protection();
        assertEquals(DiameterSettings.Protection.DEFAULT, d);
        DiameterSettings.Protection p = parse(head + """
                diameter:
                  identity: a.b
                  insecure-lab: true
                  limits: {max-grouped-depth: 6, max-avps: 512}
                  overload: {max-pending-per-peer: 200, max-pending-total: 2000, doic-reduction: 30, doic-validity: 5s}
                """).diameter().protection();
        assertEquals(new DiameterSettings.Protection(6, 512, 200, 2000, 30, Duration.ofSeconds(5)), p);
        assertTrue(refuse(head + "diameter: {identity: a.b, insecure-lab: true, overload: {max-pending: 5}}\n")
                .getMessage().contains("max-pending: unknown key"));
        assertTrue(refuse(head + "diameter: {identity: a.b, insecure-lab: true, overload: {doic-reduction: 101}}\n")
                .getMessage().contains("doic-reduction"));
    }
}
