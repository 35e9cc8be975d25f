package org.mtcgate.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.map.stack.RefusedReply;

/** MAP refusals decided by where a message came from reach the audit log as one line each, with their rule. */
class MapEventsTest {
    @TempDir
    Path dir;

    @Test
    void linkRefusalsAreAuditedOtherProtocolErrorsOnlyCounted() throws Exception {
        NodeMetrics metrics = new NodeMetrics();
        try (AuditLog audit = new AuditLog(dir, false)) {
            MapEvents events = new MapEvents(new NodeObserver(audit, metrics), audit, metrics);
            events.replyFromWrongLink(new RefusedReply("TC-END", 42, "intl-gw", "hlr"));
            events.protocolError(ProtocolError.REPORT_WITHOUT_CORRELATION, "ReportSM-DeliveryStatus for 4917010");
            events.protocolError(ProtocolError.MALFORMED_REQUEST, "SRI-SM without a valid MSISDN");
        }
        List<String> lines = Files.readAllLines(dir.resolve(AuditLog.FILE_NAME), StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("\"event\":\"map-refusal\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"rule\":\"reply-from-wrong-link\""), lines.get(0));
        assertTrue(lines.get(0).contains("TC-END for dialog 42 arrived over intl-gw; the dialog is with hlr"),
                lines.get(0));
        assertTrue(lines.get(1).contains("\"rule\":\"report-without-correlation\""), lines.get(1));
    }
}
