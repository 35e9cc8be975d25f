package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(c.ss7().server(), "an association is a server unless it says client");
        assertEquals("4917", c.smsSc().triggerOriginator(), "trigger SMs come from the node's own GT by default");
        assertEquals(Duration.ofSeconds(10), c.ss7().invokeTimeout());
    }

    @Test
    void tspWithoutTlsMustBeSaidInPlainWords() {
        ConfigException e = refuse("roles: [mtc-iwf]\npolicy: p.yaml\nsubscribers: s.yaml\ndiameter: {identity: a.example.net}\n");
        assertTrue(e.getMessage().startsWith("mtcgate.yaml:4: diameter: Tsp needs TLS with client certificates"), e.getMessage());
        assertTrue(e.getMessage().contains("'insecure-lab: true'"));
    }

    @Test
    void mistakesNameFileLineAndField() {
        assertEquals("mtcgate.yaml:2: polcy: unknown key; expected one of audit, console, diameter, metrics, mtc-iwf, node, policy, roles, sms-sc, ss7, subscribers",
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
                .getMessage().contains("ss7.association.role: 'peer' is neither server nor client"));
    }
}
