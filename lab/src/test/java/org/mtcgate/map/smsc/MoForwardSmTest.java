package org.mtcgate.map.smsc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Verdict;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.dialog.ProtocolError;
import org.mtcgate.lab.map.MoSender;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.lab.map.StackPair;
import org.mtcgate.map.stack.Transport;
import org.mtcgate.map.testing.LabPolicy;
import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;
import org.mtcgate.map.tpdu.ValidityPeriod;

/**
 * The SMS-SC's MO path over M3UA/TCP on loopback: an MSC stack sends MO-ForwardSM (v3) and ForwardSM (v2) to an
 * SMS-SC stack running {@link MoForwardSmHandler} with the lab policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoForwardSmTest {
    private static final long WAIT = 15;
    private static final String SMSC_ADDRESS = LabPolicy.HOME_TRIGGER_SMSC;
    private static final String UE = "491701000001";
    private static final String DESTINATION = "491709876543";

    @TempDir
    static Path dataDir;

    private StackPair stacks;
    private MoSender msc;
    private MoForwardSmHandler handler;
    private final LinkedBlockingQueue<MoShortMessage> sink = new LinkedBlockingQueue<>();
    private volatile boolean sinkFails;
    private final LinkedBlockingQueue<Object> reports = new LinkedBlockingQueue<>();

    private record Report(String what, InboundItem item, Verdict verdict, ProtocolError error) {
    }

    @BeforeAll
    void start() throws Exception {
        stacks = StackPair.assemble(dataDir, Transport.TCP, 0, org.mtcgate.filter.Zone.HOME); // the gateway is a home MSC
        msc = new MoSender(stacks.gateway);
        handler = MoForwardSmHandler.attach(stacks.network, LabPolicy.engine(), sm -> {
            if (sinkFails) {
                return CompletableFuture.failedFuture(new IllegalStateException("store full"));
            }
            sink.add(sm);
            return CompletableFuture.completedFuture(null);
        }, new MoObserver() {
            @Override
            public void accepted(InboundItem item, Verdict verdict) {
                reports.add(new Report("accepted", item, verdict, null));
            }

            @Override
            public void blocked(InboundItem item, Verdict verdict) {
                reports.add(new Report("blocked", item, verdict, null));
            }

            @Override
            public void protocolError(ProtocolError error, String detail) {
                reports.add(new Report("error", null, null, error));
            }
        }, java.util.Set.of(SMSC_ADDRESS));
        stacks.connect(WAIT, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() {
        if (stacks != null) {
            stacks.close();
        }
    }

    @BeforeEach
    void clear() {
        sink.clear();
        reports.clear();
        sinkFails = false;
    }

    @Test
    void ordinaryMoSmIsAcceptedIntoTheSink() throws Exception {
        byte[] tpdu = submit(0x00, "hello");
        msc.moForwardSm(SMSC_ADDRESS, StackPair.HLR_GT, UE, tpdu, 3).get(WAIT, TimeUnit.SECONDS);
        MoShortMessage sm = sink.poll(WAIT, TimeUnit.SECONDS);
        assertEquals(UE, sm.originator().digits());
        assertEquals(SMSC_ADDRESS, sm.serviceCentre().digits());
        assertEquals(StackPair.GATEWAY_GT, sm.relayedBy().digits());
        assertEquals(DESTINATION, sm.submit().destinationAddress().value());
        assertArrayEquals(tpdu, sm.tpdu());
        Report report = next();
        assertEquals("accepted", report.what());
        assertEquals(Ingress.SMS_IWMSC_MO, report.item().ingress());
        assertEquals(UE, report.item().originator().identity());
        assertEquals(DESTINATION, report.item().targetMsisdn().digits());
    }

    @Test
    void moTriggerFromAnOrdinaryUeIsBlocked() throws Exception {
        long before = handler.counters().blocked();
        MapFailure failure = failureOf(msc.moForwardSm(SMSC_ADDRESS, StackPair.HLR_GT, UE, submit(0x48, "wake"), 3));
        assertEquals(MAPErrorCode.facilityNotSupported, failure.errorCode().orElseThrow());
        Report report = next();
        assertEquals("blocked", report.what());
        assertEquals("mo-trigger-from-ue", report.verdict().ruleId());
        assertNull(sink.poll(), "nothing reached the sink");
        assertEquals(before + 1, handler.counters().blocked());
    }

    @Test
    void mapVersion2ForwardSmIsServedToo() throws Exception {
        msc.moForwardSm(SMSC_ADDRESS, StackPair.HLR_GT, UE, submit(0x00, "v2"), 2).get(WAIT, TimeUnit.SECONDS);
        assertEquals("v2", sink.poll(WAIT, TimeUnit.SECONDS).submit().userData().text());
        assertEquals(MAPErrorCode.facilityNotSupported, failureOf(
                msc.moForwardSm(SMSC_ADDRESS, StackPair.HLR_GT, UE, submit(0x48, "v2"), 2)).errorCode().orElseThrow());
    }

    @Test
    void anotherServiceCentreAddressIsRefused() throws Exception {
        MapFailure failure = failureOf(msc.moForwardSm("491729999999", StackPair.HLR_GT, UE, submit(0x00, "x"), 3));
        assertEquals(MAPErrorCode.smDeliveryFailure, failure.errorCode().orElseThrow());
        assertEquals(ProtocolError.UNKNOWN_SERVICE_CENTRE, next().error());
    }

    @Test
    void malformedSubmitIsRefused() throws Exception {
        MapFailure failure = failureOf(msc.moForwardSm(SMSC_ADDRESS, StackPair.HLR_GT, UE,
                new byte[] {0x01, 0x00, 0x0B}, 3));
        assertEquals(MAPErrorCode.smDeliveryFailure, failure.errorCode().orElseThrow());
        assertEquals(ProtocolError.MALFORMED_TPDU, next().error());
        assertNull(sink.poll());
    }

    @Test
    void sinkFailureIsAnsweredSoTheUeMayRetry() throws Exception {
        sinkFails = true;
        MapFailure failure = failureOf(msc.moForwardSm(SMSC_ADDRESS, StackPair.HLR_GT, UE, submit(0x00, "x"), 3));
        assertEquals(MAPErrorCode.smDeliveryFailure, failure.errorCode().orElseThrow());
        assertEquals(ProtocolError.SINK_FAILED, next().error());
    }

    /** SRI-SM to an SMS-SC that serves only the MO path: the gateway context is not served here. */
    @Test
    void contextNotServedHereIsRefused() throws Exception {
        SmscPeer gmsc = new SmscPeer(stacks.gateway);
        try {
            MapFailure failure = failureOf(gmsc.sendRoutingInfoForSm(UE, StackPair.HLR_GT));
            assertEquals(MapOutcome.Kind.DIALOG_REFUSED, failure.kind());
            assertEquals(ProtocolError.WRONG_APPLICATION_CONTEXT, next().error());
            assertTrue(handler.counters().protocolErrors(ProtocolError.WRONG_APPLICATION_CONTEXT) >= 1);
        } finally {
            gmsc.detach();
        }
    }

    private Report next() throws InterruptedException {
        Object report = reports.poll(WAIT, TimeUnit.SECONDS);
        return assertInstanceOf(Report.class, report, "the handler reported nothing");
    }

    private static byte[] submit(int pid, String text) throws Exception {
        UserDataHeader header = pid == 0x48 ? UserDataHeader.of(InformationElement.applicationPort16(9200, 0)) : null;
        return TpduCodec.encode(new SmsSubmit(false, false, false, 7, SmsAddress.international(DESTINATION), pid,
                0x00, new ValidityPeriod.None(), UserData.gsm7(header, text)));
    }

    private static MapFailure failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT, TimeUnit.SECONDS));
        return assertInstanceOf(MapFailure.class, e.getCause());
    }
}
