package org.mtcgate.filter.policy;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.policy.spec.NumberList;
import org.mtcgate.filter.policy.spec.PolicyDocument;

import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading gives plain values; compiling again after one list file changed keeps what did not change. */
class PolicyCompilerTest {
    static final String POLICY = """
            version: 1
            groups:
              fleet: {msisdn-files: [fleet.msisdn]}
              meters: {msisdn-files: [meters.msisdn]}
              both: {include: [fleet, meters]}
            senders:
              - {id: scs, ingress: [tsp], identities: [scs], grants: [{kinds: [trigger], to: [fleet, meters]}]}
            """;

    final Map<String, String> files = new HashMap<>(Map.of("fleet.msisdn", "491700000001\n", "meters.msisdn", "491800000001\n"));
    final ListSource lists = new ListSource() {
        @Override
        public Reader open(String name) {
            return new StringReader(files.get(name));
        }

        @Override
        public String describe(String name) {
            return name;
        }
    };
    final PolicyReader reader = new PolicyReader();
    final PolicyCompiler compiler = new PolicyCompiler();

    @Test
    void readingTheSameTextGivesEqualValues() throws Exception {
        PolicyDocument a = reader.read("p.yaml", POLICY, lists);
        PolicyDocument b = reader.read("p.yaml", POLICY, lists);
        assertEquals(a, b);
        assertEquals(Map.of("fleet.msisdn", 1, "meters.msisdn", 1),
                Map.of("fleet.msisdn", a.lists().get("fleet.msisdn").size(), "meters.msisdn", a.lists().get("meters.msisdn").size()));
    }

    @Test
    void aChangedListFileRebuildsOnlyTheGroupsOverIt() throws Exception {
        PolicyDocument document = reader.read("p.yaml", POLICY, lists);
        Map<String, DigitSet> compiledLists = new HashMap<>(NumberLists.compileAll(document.lists()));
        CompiledPolicy before = compiler.compile(document.spec(), compiledLists, null);

        files.put("fleet.msisdn", "491700000001\n491700000002\n");
        NumberList fleet = reader.readList("fleet.msisdn", lists);
        compiledLists.put("fleet.msisdn", NumberLists.compile(fleet));
        CompiledPolicy after = compiler.compile(document.spec(), compiledLists, before);

        assertSame(before.groups().get("meters"), after.groups().get("meters"), "the untouched group is kept");
        assertNotSame(before.groups().get("fleet"), after.groups().get("fleet"));
        assertNotSame(before.groups().get("both"), after.groups().get("both"), "a group including the changed one is rebuilt");
        assertTrue(after.groups().get("both").containsMsisdn(Msisdn.of("491700000002")));
        assertFalse(before.groups().get("both").containsMsisdn(Msisdn.of("491700000002")));
    }

    @Test
    void compilingTheSameSpecAgainKeepsEveryGroup() throws Exception {
        PolicyDocument document = reader.read("p.yaml", POLICY, lists);
        Map<String, DigitSet> compiledLists = NumberLists.compileAll(document.lists());
        CompiledPolicy before = compiler.compile(document.spec(), compiledLists, null);
        CompiledPolicy after = compiler.compile(document.spec(), compiledLists, before);
        before.groups().forEach((name, group) -> assertSame(group, after.groups().get(name), name));
    }
}
