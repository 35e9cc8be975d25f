package org.mtcgate.diameter.t4;

import org.mtcgate.diameter.interop.TsharkDiameterCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.s6m.HssS6mApplication;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.diameter.s6m.S6mClientConfig;
import org.mtcgate.diameter.s6m.S6mSubscriberDirectory;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.Subscriber;
import org.mtcgate.filter.trigger.SubscriberLookup;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.UeName;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/**
 * Independent check of the S6m and T4 encodings: Wireshark must decode a captured SIR/SIA and DTR/DTA naming
 * every S6m/T4 AVP, with nothing malformed or unknown. Skipped visibly when tshark is absent, unless the
 * environment variable CI is "true": then its absence fails the build.
 */
class WiresharkS6mT4Test {
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String HSS = "hss.operator.test";
    static final String SMS_SC = "smsc.operator.test";
    static final String SCS = "scs1.utility.test";

    @TempDir
    Path dir;

    @Test
    void wiresharkNamesEveryS6mAndT4Avp() throws Exception {
        TsharkDiameterCapture.assumeAvailable("S6m/T4 encoding");
        Clock clock = Clock.systemUTC();
        Imsi imsi = Imsi.of("262015500000001");
        Path pcap = dir.resolve("s6m-t4.pcapng");
        try (LoopbackNodes nodes = new LoopbackNodes()) {
            DiameterNode hss = nodes.server(HSS, MTC_IWF).registerHandler(ApplicationIds.S6M, new HssS6mApplication(
                    new SubscriberTable(List.of(new Subscriber(imsi, Msisdn.of("491701000001"), List.of(ExternalId.of("meter-1@meters.test")),
                            Set.of(SCS), List.of("491720000200", "sgsn:491720000300", "mme:mme1.epc.operator.test")))))).start();
            DiameterNode smsSc = nodes.server(SMS_SC, MTC_IWF).registerHandler(ApplicationIds.T4,
                    new SmsScT4Application(new RecordingEngine(), new SmsScTriggers(10), Duration.ofDays(1), clock,
                            T4IngressPolicy.trusting(MTC_IWF), org.mtcgate.filter.trigger.TriggerObserver.NONE)).start();
            int p1 = hss.localAddress().getPort();
            int p2 = smsSc.localAddress().getPort();
            String text;
            try (TsharkDiameterCapture capture = TsharkDiameterCapture.start(pcap, 8, p1, p2)) {
                DiameterNode mtcIwf = nodes.client(MTC_IWF, hss, smsSc).supportApplication(ApplicationIds.S6M)
                        .supportApplication(ApplicationIds.T4).start();
                LoopbackNodes.awaitOpen(mtcIwf, HSS);
                LoopbackNodes.awaitOpen(mtcIwf, SMS_SC);
                SubscriberLookup found = new S6mSubscriberDirectory(mtcIwf, new S6mClientConfig("operator.test", HSS, Duration.ZERO, 0), clock)
                        .lookup(UeName.of(ExternalId.of("meter-1@meters.test")), SCS).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertTrue(found.isFound());
                Instant now = Instant.now();
                DeviceTrigger t = new DeviceTrigger(new TriggerId(SCS, 31337), UeName.of(ExternalId.of("meter-1@meters.test")),
                        found.subscriber(), new byte[] {1, 2, 3}, 9200, false, now, now.plusSeconds(600), TriggerState.ACCEPTED, null);
                assertTrue(new T4TriggerSubmitter(mtcIwf, new T4ClientConfig("operator.test", SMS_SC,
                        T4TriggerSubmitter.sameSmeForAll(SmeAddress.international("491720000999"))),
                        new T4References(10, Duration.ofHours(1), clock), clock).submit(t).toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS).isAccepted());
                capture.awaitExchanges();
                text = capture.decode();
            }
            for (String expected : List.of("3GPP-Subscriber-Information", "3GPP-Device-Trigger",
                    "AVP: User-Identifier(3102)", "AVP: External-Identifier(3111)", "AVP: S6-Service-ID(3103)",
                    "AVP: SCS-Identity(3104)", "AVP: SIR-Flags(3110)", "AVP: User-Name(1)", "AVP: MSISDN(701)",
                    "AVP: Service-Data(3107)", "AVP: T4-Data(3108)", "AVP: Serving-Node(2401)", "AVP: MSC-Number(2403)",
                    "AVP: Additional-Serving-Node(2406)", "AVP: SGSN-Number(1489)", "AVP: MME-Name(2402)",
                    "AVP: SM-RP-SMEA(3309)", "AVP: Payload(3004)", "AVP: Reference-Number(3007)", "AVP: Validity-Time(448)",
                    "AVP: Priority-Indication(3006)", "AVP: Application-Port-Identifier(3010)", "AVP: Trigger-Action(3202)",
                    "AVP: Vendor-Specific-Application-Id(260)", "16777310", "16777311", "DIAMETER_SUCCESS (2001)")) {
                assertTrue(text.contains(expected), "Wireshark decoded '" + expected + "'\n" + TsharkDiameterCapture.excerpt(text));
            }
            assertFalse(text.contains("Malformed"), "no malformed packets\n" + TsharkDiameterCapture.excerpt(text));
            assertFalse(text.contains("Unknown AVP"), "every AVP known to Wireshark\n" + TsharkDiameterCapture.excerpt(text));
        }
    }
}
