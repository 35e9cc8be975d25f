package org.mtcgate.core.observe;

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

/** MAP refusals decided by where a message came from reach the audit log as one refusal line each, with their rule. */
class MapEventsTest {
    @TempDir
    Path dir;

    @Test
    void aReplyFromAWrongLinkAndAReportWithoutCorrelationAreAudited() throws Exception {
        NodeMetrics metrics = new NodeMetrics();
        try (AuditLog audit = new AuditLog(dir, false)) {
            NodeObserver observer = new NodeObserver(audit, metrics);
            new MapEvents(observer, metrics, "ss7-stack").replyFromWrongLink(
                    new RefusedReply("TC-END", 42, "intl-gw", "hlr"));
            new MapEvents(observer, metrics, "sms-router").protocolError(ProtocolError.REPORT_WITHOUT_CORRELATION,
                    "ReportSM-DeliveryStatus for 4917010");
        }
        List<String> lines = Files.readAllLines(dir.resolve(AuditLog.FILE_NAME), StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), String.join("\n", lines));
        String reply = lines.get(0);
        assertTrue(reply.contains("\"event\":\"refusal\""), reply);
        assertTrue(reply.contains("\"source\":\"ss7-stack\""), reply);
        assertTrue(reply.contains("\"peer\":\"intl-gw\""), reply);
        assertTrue(reply.contains("\"rule\":\"map-reply-from-wrong-link\""), reply);
        assertTrue(reply.contains("TC-END for dialog 42 arrived over intl-gw; the dialog is with hlr"), reply);
        assertTrue(lines.get(1).contains("\"rule\":\"map-report-without-correlation\""), lines.get(1));
    }
}
