package org.mtcgate.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes audit events, stops the log, reads the file back and parses every line as JSON. */
class AuditLogTest {
    private static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static final String TRICKY = "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 "
            + "umlaut ä cjk 漢字 emoji \uD83D\uDCE1 end";

    @TempDir
    Path dir;

    private static InboundItem trigger() {
        return InboundItem.builder(Ingress.TSP, Originator.named("scs.acme.example"))
                .targetMsisdn(Msisdn.of("4917012345678"))
                .targetImsi(Imsi.of("262011234567890"))
                .targetExternalId(ExternalId.of("meter-17@Acme.Example"))
                .tpPid(0x48).build();
    }

    private static InboundItem mt() {
        return InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(GlobalTitle.of("491710000"),
                GlobalTitle.of("491710001"), GlobalTitle.of("12345"),
                new org.mtcgate.filter.ArrivalLink("intl-gw", org.mtcgate.filter.Zone.INTERCONNECT))).tpPid(0x7F).build();
    }

    private List<Map<String, Object>> read(Path file) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            events.add(Json.object(line));
        }
        return events;
    }

    @Test
    void eachEventIsOneJsonLineWithItsFields() throws Exception {
        Verdict block = Verdict.block("default-deny-trigger", "no grant for " + TRICKY, RequestStatus.NOTAUTHORIZED);
        try (AuditLog log = new AuditLog(dir, false)) {
            log.verdict(trigger(), Verdict.allow("scs-acme", "granted"));
            log.verdict(mt(), block);
            log.triggerState("scs.acme.example", 4711L, "ACCEPTED", "DELIVERED", TRICKY);
            log.triggerState("scs.acme.example", 4712L, null, "ACCEPTED", null);
            log.console("alice", "policy reload \"x y\"", "error: " + TRICKY);
        }
        List<String> lines = Files.readAllLines(dir.resolve(AuditLog.FILE_NAME), StandardCharsets.UTF_8);
        assertEquals(5, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertFalse(line.chars().anyMatch(c -> c < 0x20), "no raw control characters: " + line);
        }
        List<Map<String, Object>> events = read(dir.resolve(AuditLog.FILE_NAME));

        Map<String, Object> allow = events.get(0);
        assertTrue(((String) allow.get("time")).matches(ISO_UTC), allow.toString());
        Map<String, Object> expected = new HashMap<>();
        expected.put("time", allow.get("time"));
        expected.put("event", "verdict");
        expected.put("ingress", "tsp");
        expected.put("kind", "trigger");
        expected.put("originator", "scs.acme.example");
        expected.put("originator_address", null);
        expected.put("calling_gt", null);
        expected.put("tp_oa", null);
        expected.put("link_peer", null);
        expected.put("link_zone", null);
        expected.put("msisdn", "4917012345678");
        expected.put("imsi", "26201**********");
        expected.put("external_id", "meter-17@acme.example");
        expected.put("tp_pid", new BigDecimal(72));
        expected.put("reference", null);
        expected.put("decision", "allow");
        expected.put("rule", "scs-acme");
        expected.put("reason", "granted");
        expected.put("request_status", "SUCCESS");
        expected.put("request_status_code", new BigDecimal(0));
        assertEquals(expected, allow);

        Map<String, Object> blocked = events.get(1);
        assertEquals("router-mt", blocked.get("ingress"));
        assertEquals("sim-data-download", blocked.get("kind"));
        assertEquals("491710000", blocked.get("originator_address"));
        assertEquals("491710001", blocked.get("calling_gt"));
        assertEquals("12345", blocked.get("tp_oa"));
        assertEquals("intl-gw", blocked.get("link_peer"), "the link the SM arrived over");
        assertEquals("interconnect", blocked.get("link_zone"));
        assertEquals("block", blocked.get("decision"));
        assertEquals("no grant for " + TRICKY, blocked.get("reason"));
        assertEquals(new BigDecimal(105), blocked.get("request_status_code"));

        Map<String, Object> delivered = events.get(2);
        assertEquals("trigger", delivered.get("event"));
        assertEquals(new BigDecimal(4711), delivered.get("reference"));
        assertEquals("ACCEPTED", delivered.get("old_state"));
        assertEquals("DELIVERED", delivered.get("new_state"));
        assertEquals(TRICKY, delivered.get("detail"));
        assertTrue(events.get(3).containsKey("old_state"));
        assertNull(events.get(3).get("old_state"));

        Map<String, Object> console = events.get(4);
        assertEquals(Map.of("time", console.get("time"), "event", "console", "user", "alice",
                "command", "policy reload \"x y\"", "outcome", "error: " + TRICKY), console);
    }

    @Test
    void aRefusalIsOneLineWithItsRuleAndReason() throws Exception {
        try (AuditLog log = new AuditLog(dir, false)) {
            assertTrue(log.refusal("map-gate", "intl", "33699000001", 44L, "shortMsgMTRelayContext v3",
                    "map-multiple-components", "TC-BEGIN with 2 components; none is served", "U-ABORT abnormalDialogue"));
            assertTrue(log.refusal("sms-router", null, null, null, null, "map-unknown-correlation", TRICKY, null));
        }
        List<Map<String, Object>> events = read(dir.resolve(AuditLog.FILE_NAME));
        assertEquals(2, events.size());
        Map<String, Object> gate = events.get(0);
        Map<String, Object> expected = new HashMap<>();
        expected.put("time", gate.get("time"));
        expected.put("event", "refusal");
        expected.put("source", "map-gate");
        expected.put("peer", "intl");
        expected.put("calling_gt", "33699000001");
        expected.put("operation", new BigDecimal(44));
        expected.put("context", "shortMsgMTRelayContext v3");
        expected.put("decision", "refused");
        expected.put("rule", "map-multiple-components");
        expected.put("reason", "TC-BEGIN with 2 components; none is served");
        expected.put("answer", "U-ABORT abnormalDialogue");
        assertEquals(expected, gate);
        assertEquals("map-unknown-correlation", events.get(1).get("rule"));
        assertEquals(TRICKY, events.get(1).get("reason"));
    }

    @Test
    void imsiIsWrittenInFullOnlyWhenAskedTo() throws Exception {
        try (AuditLog log = new AuditLog(dir, true)) {
            log.verdict(trigger(), Verdict.allow("scs-acme", "granted"));
        }
        assertEquals("262011234567890", read(dir.resolve(AuditLog.FILE_NAME)).get(0).get("imsi"));
    }

    @Test
    void rollsOverBySizeWithoutLosingRecords() throws Exception {
        int written = 60;
        try (AuditLog log = new AuditLog(dir, false, 2048, 20)) {
            for (int i = 0; i < written; i++) {
                log.console("alice", "trace on " + i, "ok");
            }
        }
        List<Path> rolled;
        try (Stream<Path> files = Files.list(dir)) {
            rolled = files.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        assertFalse(rolled.isEmpty(), "at least one rollover");
        List<String> commands = new ArrayList<>();
        for (Path gz : rolled) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    commands.add((String) Json.object(line).get("command"));
                }
            }
        }
        for (Map<String, Object> e : read(dir.resolve(AuditLog.FILE_NAME))) {
            commands.add((String) e.get("command"));
        }
        String[] sorted = commands.stream().sorted().toArray(String[]::new);
        String[] expected = java.util.stream.IntStream.range(0, written).mapToObj(i -> "trace on " + i).sorted()
                .toArray(String[]::new);
        assertEquals(Arrays.asList(expected), Arrays.asList(sorted));
    }

    @Test
    void testParserRejectsBrokenJson() {
        for (String bad : List.of("{\"a\":1", "{\"a\":\"x\ny\"}", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "{\"a\":01}")) {
            try {
                Json.parse(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expectedError) {
                // as it should
            }
        }
    }

    @Test
    void aTriggerRefusedAfterTheFilterIsARefusedVerdictWithItsReference() throws Exception {
        Verdict allow = Verdict.allow("scs-acme", "granted");
        try (AuditLog log = new AuditLog(dir, false)) {
            log.triggerVerdict(trigger(), allow, 4711L, new org.mtcgate.filter.trigger.DeviceActionResult(
                    RequestStatus.INVEXTID, "no subscription for meter-17@acme.example", allow));
            log.triggerVerdict(trigger(), allow, 4712L, new org.mtcgate.filter.trigger.DeviceActionResult(
                    RequestStatus.SUCCESS, "taken", allow));
        }
        List<Map<String, Object>> events = read(dir.resolve(AuditLog.FILE_NAME));
        Map<String, Object> refused = events.get(0);
        assertEquals("refused", refused.get("decision"));
        assertEquals("scs-acme", refused.get("rule"), "the rule that allowed it");
        assertEquals("INVEXTID", refused.get("request_status"));
        assertEquals(new BigDecimal(RequestStatus.INVEXTID.code()), refused.get("request_status_code"));
        assertEquals(new BigDecimal(4711), refused.get("reference"));
        assertTrue(((String) refused.get("reason")).endsWith("no subscription for meter-17@acme.example"), refused.toString());
        Map<String, Object> taken = events.get(1);
        assertEquals("allow", taken.get("decision"));
        assertEquals("SUCCESS", taken.get("request_status"));
        assertEquals(new BigDecimal(4712), taken.get("reference"));
    }
}
