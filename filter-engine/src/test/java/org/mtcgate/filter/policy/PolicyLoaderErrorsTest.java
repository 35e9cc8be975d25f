package org.mtcgate.filter.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.ManualTime;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.yaml.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad policy is refused with the file, the line and the field, in words an operator can act on. */
class PolicyLoaderErrorsTest {
    @TempDir
    Path dir;

    ConfigException refuse(String yaml) {
        return assertThrows(ConfigException.class,
                () -> new PolicyLoader(new LimiterRegistry(), new ManualTime()).load("p.yaml", yaml, ListSource.NONE));
    }

    @Test
    void unknownKeyIsRefusedWithLineAndField() {
        ConfigException e = refuse("""
                version: 1
                senders:
                  - id: a
                    ingress: [tsp]
                    identites: [x]
                    grants: []
                """);
        assertEquals(5, e.line());
        assertEquals("senders[0].identites", e.field());
        assertTrue(e.getMessage().startsWith("p.yaml:5: senders[0].identites: unknown key; expected one of"), e.getMessage());
    }

    @Test
    void unknownGroupIsNamed() {
        ConfigException e = refuse("""
                version: 1
                groups:
                  fleet: {msisdns: ["4917"]}
                senders:
                  - id: a
                    ingress: tsp
                    identities: [x]
                    grants:
                      - kinds: [trigger]
                        to: [flet]
                """);
        assertEquals("p.yaml:10: senders[0].grants[0].to[0]: unknown group 'flet'; groups are fleet", e.getMessage());
    }

    @Test
    void badNumbersKindsAndIngressesAreNamed() {
        assertEquals("p.yaml:3: groups.g.msisdns[0]: MSISDN '49x1' has a non-digit 'x' at position 3",
                refuse("version: 1\ngroups:\n  g: {msisdns: [\"49x1\"]}\n").getMessage());
        assertTrue(refuse("version: 1\nsenders:\n  - {id: a, ingress: [gn], identities: [x], grants: []}\n")
                .getMessage().contains("unknown ingress 'gn'"));
        assertTrue(refuse("version: 1\nsenders:\n  - {id: a, ingress: [tsp], identities: [x], grants: [{kinds: [trigers], to: all}]}\n")
                .getMessage().contains("unknown message kind 'trigers'"));
        assertTrue(refuse("version: 1\ngroups:\n  g: {msisdn-ranges: [{from: \"4918\", to: \"4917\"}]}\n")
                .getMessage().contains("from is above to"));
    }

    @Test
    void structuralMistakes() {
        assertEquals("p.yaml:1: version: only version 1 is known", refuse("version: 2\n").getMessage());
        assertTrue(refuse("senders: []\n").getMessage().contains("'version: 1' is required"));
        assertTrue(refuse("version: 1\nversion: 1\n").getMessage().contains("version: appears twice"));
        assertTrue(refuse("version: 1\ngroups:\n  a: {include: [b]}\n  b: {include: [a]}\n").getMessage().contains("includes itself"));
        assertTrue(refuse("version: 1\nsenders:\n  - {id: a, ingress: [tsp], grants: []}\n").getMessage()
                .contains("needs identities, addresses or address-prefixes"));
        assertTrue(refuse("version: 1\nsenders:\n  - {id: a, ingress: [tsp], identities: [x], grants: []}\n"
                + "  - {id: a, ingress: [tsp], identities: [y], grants: []}\n").getMessage().contains("used twice"));
        assertTrue(refuse("version: 1\n  bad: [\n").getMessage().startsWith("p.yaml:"));
        assertTrue(refuse("version: 1\nsenders:\n  - {id: a, ingress: [tsp], identities: [x], grants: [], quota: {max: 5, period: 2w}}\n")
                .getMessage().contains("'2w' is not a period"));
    }

    @Test
    void badLineInAListFileIsNamedWithItsOwnLine() throws Exception {
        Files.writeString(dir.resolve("fleet.msisdn"), "# header\n491700000001\n\n4917000x0002\n");
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\ngroups:\n  g:\n    msisdn-files: [fleet.msisdn]\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> PolicyFiles.load(dir.resolve("policy.yaml"), new LimiterRegistry(), new ManualTime()));
        assertEquals(dir.resolve("fleet.msisdn").toString(), e.source());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().endsWith("'4917000x0002' has a non-digit 'x'"), e.getMessage());
    }

    @Test
    void missingListFileIsNamed() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\ngroups:\n  g:\n    msisdn-files: [nope.msisdn]\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> PolicyFiles.load(dir.resolve("policy.yaml"), new LimiterRegistry(), new ManualTime()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("nope.msisdn' cannot be read"), e.getMessage());
    }

    @Test
    void theSamplePolicyLoads() throws Exception {
        CompiledPolicy p = PolicyFiles.load(Path.of("..", "config", "policy.yaml"), new LimiterRegistry(), new ManualTime());
        assertTrue(p.groups().containsKey("fleet-meters"));
        assertEquals(4, p.groups().get("fleet-meters").msisdnCount() - 2, "two inline numbers and four from the list file");
    }
}
