package org.mtcgate.diameter.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.tsp.DeviceActionAnswer;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.UeName;

/**
 * Wireshark (tshark) as an independent decoder of the real Tsp endpoint: the {@code MtcIwfTspApplication} with the
 * device triggering procedure answers an authorised DAR (SUCCESS) and a refused one (NOTAUTHORIZED), and the
 * {@code TspNotifier} sends a DNR that the SCS answers. Every Tsp AVP must be decoded by name, nothing malformed.
 * Plain TCP on loopback (insecure lab mode): tshark cannot read inside TLS.
 */
class TsharkTspTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        java.util.Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static boolean tsharkUsable() {
        return ExternalTool.run("tshark", "--version").ok() && ExternalTool.run("tshark", "-D").output().contains("lo");
    }

    private ScsClient scs(String host, MtcIwfFixture iwf, LinkedBlockingQueue<ScsClient.DeliveryReport> reports)
            throws Exception {
        ScsClient c = ScsClient.start(DiameterNodeConfig.builder(MtcIwfFixture.identity(host, LO)).insecureLab(true)
                .peer(PeerConfig.connecting(MtcIwfFixture.MTC_IWF, MtcIwfFixture.MTC_IWF_REALM, iwf.node.localAddress(), PeerRole.MTC_IWF))
                .build(), MtcIwfFixture.MTC_IWF_REALM, reports::add);
        open.add(c);
        c.connected(MtcIwfFixture.MTC_IWF).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return c;
    }

    @Test
    void wiresharkDecodesEveryTspAvpOfDarDaaAndDnrDna() throws Exception {
        ExternalTool.require(tsharkUsable(), "tshark is not installed or cannot capture on lo (apt-get install tshark)");
        MtcIwfFixture iwf = MtcIwfFixture.start(DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.MTC_IWF, LO))
                .listen(new InetSocketAddress(LO, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(MtcIwfFixture.SCS, "utility.test"))
                .peer(PeerConfig.accepting(MtcIwfFixture.ROGUE, "rogue.test")).build(), List.of(MtcIwfFixture.SCS), true);
        open.add(iwf);
        int port = iwf.node.localAddress().getPort();
        Path pcap = dir.resolve("tsp.pcapng");
        Process capture = new ProcessBuilder("tshark", "-i", "lo", "-f", "tcp port " + port,
                "-d", "tcp.port==" + port + ",diameter", "-l", "-P", "-w", pcap.toString()).start();
        Queue<String> summary = new ConcurrentLinkedQueue<>();
        CountDownLatch capturing = new CountDownLatch(1);
        CountDownLatch anyPacket = new CountDownLatch(1);
        // CER/CEA x2, DAR/DAA x3, DNR/DNA
        CountDownLatch diameter = new CountDownLatch(12);
        try {
            TsharkDiameterCapture.pump(capture.getErrorStream(), line -> {
                summary.add(line);
                if (line.contains("Capturing on")) {
                    capturing.countDown();
                }
            });
            TsharkDiameterCapture.pump(capture.getInputStream(), line -> {
                summary.add(line);
                anyPacket.countDown();
                if (line.contains("DIAMETER")) {
                    diameter.countDown();
                }
            });
            assertTrue(capturing.await(30, TimeUnit.SECONDS), "tshark started: " + summary);
            // "Capturing on" can come before the filter is live, and tshark gives no other signal: probe with bare
            // TCP connections (bounded) until it reports a packet.
            for (int i = 0; i < 100 && anyPacket.getCount() > 0; i++) {
                new Socket(LO, port).close();
                anyPacket.await(200, TimeUnit.MILLISECONDS);
            }
            assertEquals(0, anyPacket.getCount(), "tshark reports packets: " + summary);

            LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();
            ScsClient scs = scs(MtcIwfFixture.SCS, iwf, reports);
            DeviceActionRequest everything = new DeviceActionRequest(MtcIwfFixture.SCS, MtcIwfFixture.SCS,
                    ActionType.DEVICE_TRIGGER_REQUEST, 70001, null,
                    new UeName(ExternalId.of(MtcIwfFixture.UE_EXT_ID), Msisdn.of(MtcIwfFixture.UE_MSISDN)),
                    "wake-up".getBytes(StandardCharsets.US_ASCII), 9200, true, Duration.ofMinutes(5));
            DeviceActionAnswer ok = scs.send(everything).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(2001, ok.resultCode());
            assertEquals(RequestStatus.SUCCESS.code(), ok.requestStatus());

            ScsClient rogue = scs(MtcIwfFixture.ROGUE, iwf, new LinkedBlockingQueue<>());
            DeviceActionAnswer refused = rogue.send(new DeviceActionRequest(MtcIwfFixture.ROGUE, null,
                    ActionType.DEVICE_TRIGGER_REQUEST, 70002, null, UeName.of(ExternalId.of(MtcIwfFixture.UE_EXT_ID)),
                    new byte[] {1, 2, 3}, 9200, false, null)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(2001, refused.resultCode());
            assertEquals(RequestStatus.NOTAUTHORIZED.code(), refused.requestStatus());

            // A DAA that refuses a payload beyond the MTC-IWF's bound (eight segments): still a whole DAA.
            DeviceActionAnswer tooBig = scs.send(new DeviceActionRequest(MtcIwfFixture.SCS, null,
                    ActionType.DEVICE_TRIGGER_REQUEST, 70003, null, UeName.of(ExternalId.of(MtcIwfFixture.UE_EXT_ID)),
                    new byte[org.mtcgate.filter.trigger.SmCapacity.DEFAULT_MAX_PAYLOAD + 1], 9200, false, null)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(2001, tooBig.resultCode());
            assertEquals(RequestStatus.INVPAYLOAD.code(), tooBig.requestStatus());

            assertTrue(iwf.triggering.onDeliveryReport(new TriggerId(MtcIwfFixture.SCS, 70001), DeliveryOutcome.SUCCESS)
                    .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
            ScsClient.DeliveryReport report = reports.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(report, "the DNR reached the SCS");
            assertEquals(70001, report.referenceNumber());

            assertTrue(diameter.await(WAIT.toSeconds(), TimeUnit.SECONDS), "tshark saw all 12 Diameter messages: " + summary);
        } finally {
            capture.destroy(); // SIGTERM: tshark finishes the file
            if (!capture.waitFor(30, TimeUnit.SECONDS)) {
                capture.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        ExternalTool.Result read = ExternalTool.run("tshark", "-r", pcap.toString(), "-d", "tcp.port==" + port + ",diameter", "-V");
        assertTrue(read.ok(), read.output());
        String text = read.output();
        // Kept under target/ for a human look after the run.
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "tshark-tsp-decoded.txt"), text);
        String decoded = TsharkDiameterCapture.diameterParts(text, Integer.MAX_VALUE);

        for (String command : List.of("Command Code: 3GPP-Device-Action (8388639)",
                "Command Code: 3GPP-Device-Notification (8388640)")) {
            assertEquals(decoded.split(Pattern.quote(command), -1).length - 1,
                    command.contains("Action") ? 6 : 2, "Wireshark names every '" + command + "'\n" + decoded);
        }
        // TS 29.368 6.2: every DAR, DAA, DNR and DNA carries Auth-Application-Id 16777309 at the top and no
        // Vendor-Specific-Application-Id; only the four CER/CEAs announce Tsp inside one.
        assertEquals(8, decoded.lines().filter(l -> l.equals("        Auth-Application-Id: 3GPP Tsp (16777309)")).count(),
                "a top-level Auth-Application-Id in each of the 8 Tsp messages\n" + decoded);
        assertEquals(4, decoded.lines().filter(l -> l.contains("AVP: Vendor-Specific-Application-Id")).count(),
                "Vendor-Specific-Application-Id only in the CER/CEAs\n" + decoded);
        assertTrue(decoded.contains("Request-Status: INVPAYLOAD (101)"), decoded);
        for (String avp : List.of("Device-Action(3001)", "External-Identifier(3111)", "MSISDN(701)", "SCS-Identity(3104)",
                "Reference-Number(3007)", "Action-Type(3005)", "Trigger-Data(3003)", "Payload(3004)",
                "Priority-Indication(3006)", "Application-Port-Identifier(3010)", "Validity-Time(448)",
                "Device-Notification(3002)", "Request-Status(3008)", "Delivery-Outcome(3009)")) {
            assertTrue(decoded.contains("AVP: " + avp), "Wireshark decodes AVP " + avp + " by name\n" + decoded);
        }
        assertTrue(decoded.contains("External-Identifier: " + MtcIwfFixture.UE_EXT_ID), decoded);
        assertTrue(decoded.contains("Request-Status: SUCCESS (0)"), decoded);
        assertTrue(decoded.contains("Request-Status: NOTAUTHORIZED (105)"), decoded);
        assertTrue(decoded.contains("Delivery-Outcome: SUCCESS (0)"), decoded);
        assertTrue(decoded.contains("Priority-Indication: Priority (1)"), decoded);
        assertTrue(decoded.contains("E.164 number (MSISDN): " + MtcIwfFixture.UE_MSISDN), "MSISDN as TBCD E.164\n" + decoded);
        assertTrue(decoded.contains("Validity-Time: 300"), decoded);
        assertTrue(decoded.contains("Application-Port-Identifier: 9200"), decoded);

        // Feature-Supported-In-Final-Target is not in Wireshark 4.0's dictionary: an unknown 3GPP AVP, code 3012.
        Matcher unknown = Pattern.compile("AVP: Unknown\\(3012\\) l=16 f=V-- vnd=TGPP").matcher(decoded);
        assertTrue(unknown.find(), "3012 shown as an unknown 3GPP AVP\n" + decoded);
        List<String> unknownAvps = decoded.lines().filter(l -> l.contains("AVP: Unknown")).filter(l -> !l.contains("(3012)")).toList();
        assertTrue(unknownAvps.isEmpty(), "no other unknown AVP: " + unknownAvps);
        assertFalse(text.contains("Malformed"), "nothing malformed\n" + decoded);
        assertFalse(decoded.contains("[Expert Info (Error"), "no expert errors\n" + decoded);
        List<String> warnings = decoded.lines().filter(l -> l.contains("[Expert Info (Warning"))
                .filter(l -> !l.contains("Unknown AVP 3012 (vendor=3GPP)")).toList();
        assertTrue(warnings.isEmpty(), "no warning but the unknown 3012: " + warnings);
    }
}
