package org.mtcgate.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.audit.AuditLog;
import org.mtcgate.core.config.DiameterSettings;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;

/**
 * The endpoint's 3004 refusals reach the audit log and its counters reach the metrics, as the node wires them:
 * two real Diameter nodes on loopback, the server configured as from {@code diameter.overload}.
 */
class DiameterObservationTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String SERVER = "mtc-iwf.operator.test";
    private static final String SCS = "scs.example.test";

    @TempDir
    Path dir;

    @Test
    void refusalsAreAuditedAndCountedInMetrics() throws Exception {
        NodeMetrics metrics = new NodeMetrics();
        AuditLog audit = new AuditLog(dir, false);
        LinkedBlockingQueue<CompletableFuture<DiameterMessage>> held = new LinkedBlockingQueue<>();
        DiameterSettings.Protection protection = new DiameterSettings.Protection(8, 1024, 1, 10, 50, Duration.ofSeconds(10));
        DiameterNode server = new DiameterNode(DiameterObservation.configure(DiameterNodeConfig.builder(
                        LocalIdentity.of(SERVER, "operator.test", LOOPBACK)), protection)
                .listen(new InetSocketAddress(LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(SCS, "example.test")).build());
        DiameterObservation.attach(server, audit, metrics);
        server.registerHandler(ApplicationIds.TSP, (request, ctx) -> {
            CompletableFuture<DiameterMessage> f = new CompletableFuture<>();
            held.add(f);
            return f;
        }).start();
        DiameterNode scs = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(SCS, "example.test", LOOPBACK))
                .insecureLab(true).peer(PeerConfig.connecting(SERVER, "operator.test", server.localAddress())).build())
                .supportApplication(ApplicationIds.TSP).start();
        try {
            scs.whenPeerOpen(SERVER).get(10, TimeUnit.SECONDS);
            CompletableFuture<DiameterMessage> first = scs.sendRequest(dar(1));
            CompletableFuture<DiameterMessage> handling = held.poll(10, TimeUnit.SECONDS);
            assertNotNull(handling, "the first request is being handled");
            DiameterMessage busy = scs.sendRequest(dar(2)).get(10, TimeUnit.SECONDS);
            assertEquals(3004, busy.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
            assertTrue(!first.isDone(), "the admitted request is still pending");
            handling.complete(DiameterMessage.answerTo(dar(1)).avp(BaseAvps.resultCode(2001)).build());
            assertEquals(2001, first.get(10, TimeUnit.SECONDS).avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        } finally {
            scs.close();
            server.close();
            audit.close();
        }
        List<String> records = Files.readAllLines(dir.resolve(AuditLog.FILE_NAME));
        assertTrue(records.stream().anyMatch(l -> l.contains("\"event\":\"diameter-overload\"") && l.contains("\"peer\":\"" + SCS + "\"")
                && l.contains("\"refused\":1") && l.contains("\"scope\":\"peer\"")), String.join("\n", records));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(text, metrics.registry().scrape());
        String scraped = text.toString(StandardCharsets.UTF_8);
        assertTrue(scraped.contains("mtcgate_diameter_events_total{event=\"too_busy_answers\"} 1.0"), scraped);
    }

    private static DiameterMessage dar(long reference) {
        return DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true)
                .avp(BaseAvps.sessionId(SCS + ";" + reference)).avp(BaseAvps.authApplicationId(ApplicationIds.TSP))
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost(SCS)).avp(BaseAvps.originRealm("example.test"))
                .avp(BaseAvps.destinationRealm("operator.test"))
                .avp(Avp.builder(AvpCodes.DEVICE_ACTION).vendor(VendorIds.TGPP).mandatory().grouped(
                        Avp.builder(AvpCodes.REFERENCE_NUMBER).vendor(VendorIds.TGPP).mandatory().unsigned32(reference),
                        Avp.builder(AvpCodes.ACTION_TYPE).vendor(VendorIds.TGPP).mandatory().unsigned32(1)))
                .build();
    }
}
