package org.mtcgate.core.policy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.UeSet;
import org.mtcgate.filter.yaml.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's policy service: console edits rebuild only what changed; refusals change nothing, limiters included. */
class PolicyAdministrationTest {
    /** One token per ~3 hours: a second item within the test is always over the rate. */
    static final String POLICY = """
            version: 1
            groups:
              fleet: {msisdn-files: [fleet.msisdn]}
              meters: {msisdn-files: [meters.msisdn]}
            senders:
              - {id: scs1, ingress: [tsp], identities: [scs1], grants: [{kinds: [trigger], to: [fleet, meters]}],
                 rate: {per-second: 0.0001, burst: 1}}
            """;

    @TempDir
    Path dir;
    Path policyFile;
    PolicyAdministration admin;

    @BeforeEach
    void open() throws Exception {
        policyFile = dir.resolve("policy.yaml");
        Files.writeString(policyFile, POLICY);
        Files.writeString(dir.resolve("fleet.msisdn"), "491701000001\n");
        Files.writeString(dir.resolve("meters.msisdn"), "491801000001\n");
        admin = PolicyAdministration.open(policyFile, TimeSource.SYSTEM);
    }

    static InboundItem trigger(String msisdn) {
        return InboundItem.builder(Ingress.TSP, Originator.named("scs1")).tpPid(0x48).targetMsisdn(Msisdn.of(msisdn)).build();
    }

    @Test
    void anEditRebuildsOnlyTheEditedGroup() throws Exception {
        CompiledPolicy before = admin.inForce();
        UeSet meters = before.groups().get("meters");
        // The workspace keeps what it read: an edit re-reads neither the policy file nor the other list files.
        Files.writeString(policyFile, "version: 1\n  broken: [\n");
        Files.delete(dir.resolve("meters.msisdn"));

        assertTrue(admin.add("fleet", "491701000002"));
        CompiledPolicy after = admin.inForce();
        assertNotSame(before, after);
        assertSame(meters, after.groups().get("meters"), "the group of the unchanged list file is kept");
        assertNotSame(before.groups().get("fleet"), after.groups().get("fleet"));
        assertTrue(after.groups().get("fleet").containsMsisdn(Msisdn.of("491701000002")));
        assertTrue(admin.filter().evaluate(trigger("491701000002")).allowed(), "in force at once");
        assertTrue(admin.hasUnsavedChanges());
        assertFalse(admin.add("fleet", "491701000002"), "listed already");
        assertEquals(List.of(dir.resolve("fleet.msisdn")), admin.write());
        assertEquals(List.of("491701000001", "491701000002"), Files.readAllLines(dir.resolve("fleet.msisdn")));
    }

    @Test
    void aRefusedReloadLeavesThePolicyAndEveryLimiterAsTheyWere() throws Exception {
        assertTrue(admin.filter().evaluate(trigger("491701000001")).allowed());
        assertEquals(RequestStatus.RATEEXCEEDED, admin.filter().evaluate(trigger("491701000001")).requestStatus());
        CompiledPolicy inForce = admin.inForce();

        // A higher rate for scs1, refused for a mistake further down: it must not have bound scs1's new limit.
        Files.writeString(policyFile, POLICY.replace("per-second: 0.0001", "per-second: 1000")
                + "  - {id: scs2, ingress: [tsp], grants: []}\n");
        assertThrows(ConfigException.class, () -> admin.reload());
        assertSame(inForce, admin.inForce());
        assertSame(inForce, admin.filter().policy());

        Files.writeString(policyFile, POLICY + "# edited\n");
        assertNotSame(inForce, admin.reload());
        assertEquals(RequestStatus.RATEEXCEEDED, admin.filter().evaluate(trigger("491701000001")).requestStatus(),
                "an accepted policy with scs1's limit unchanged keeps its exhausted bucket");
    }

    @Test
    void aReloadDropsUnsavedEditsAndAnUnknownGroupIsNamed() throws Exception {
        admin.add("fleet", "491701000002");
        admin.reload();
        assertFalse(admin.hasUnsavedChanges());
        assertFalse(admin.inForce().groups().get("fleet").containsMsisdn(Msisdn.of("491701000002")));
        ConfigException e = assertThrows(ConfigException.class, () -> admin.add("nogroup", "491701000009"));
        assertTrue(e.getMessage().contains("there is no group 'nogroup'"), e.getMessage());
    }

    @Test
    void writeRefusesToOverwriteAListFileChangedOnDiskSinceItWasLoaded() throws Exception {
        assertTrue(admin.add("fleet", "491701000002"));
        Files.writeString(dir.resolve("fleet.msisdn"), "491701000001\n491701000077\n"); // a hand edit
        ListFileChangedException e = assertThrows(ListFileChangedException.class, () -> admin.write());
        assertTrue(e.getMessage().contains(dir.resolve("fleet.msisdn") + " has changed on disk")
                && e.getMessage().contains("policy reload"), e.getMessage());
        assertEquals(List.of("491701000001", "491701000077"), Files.readAllLines(dir.resolve("fleet.msisdn")),
                "the hand edit is kept");
        assertTrue(admin.hasUnsavedChanges());

        admin.reload();
        assertTrue(admin.inForce().groups().get("fleet").containsMsisdn(Msisdn.of("491701000077")));
        assertTrue(admin.add("fleet", "491701000002"));
        assertEquals(List.of(dir.resolve("fleet.msisdn")), admin.write());
        assertEquals(List.of("491701000001", "491701000077", "491701000002"), Files.readAllLines(dir.resolve("fleet.msisdn")));
        assertTrue(admin.remove("fleet", "491701000077"));
        assertEquals(List.of(dir.resolve("fleet.msisdn")), admin.write(), "what it wrote itself is no conflict");
    }

    @Test
    void anEditOnTopOfAHandEditedListFileIsRefused() throws Exception {
        Files.writeString(dir.resolve("meters.msisdn"), "491801000001\n491801000002\n");
        assertThrows(ListFileChangedException.class, () -> admin.add("meters", "491801000003"));
        assertFalse(admin.hasUnsavedChanges());
        assertFalse(admin.inForce().groups().get("meters").containsMsisdn(Msisdn.of("491801000002")),
                "the hand edit is not put in force behind the operator's back");
    }
}
