package org.mtcgate.diameter.sgd;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.RawPeer;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.DeliveryAttempt.Result;
import org.mtcgate.filter.smsc.ServingNode;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/** The SMS-SC's SGd client against an MME that is a real Diameter node on 127.0.0.1. */
class SgdMtDeliveryTest {
    static final Imsi IMSI = Imsi.of("262015500000001");
    static final String SC = "491720000100";
    static final ServingNode AT_MME = new ServingNode(ServingNode.Kind.MME, SgdPeers.MME);
    /** An SMS-DELIVER: TP-OA +491720009999, TP-PID 0, TP-DCS 0x04, TP-SCTS, 3 octets of data. */
    static final byte[] TPDU = java.util.HexFormat.of().parseHex("040c91947102009999000462213001000000030102 03".replace(" ", ""));

    final SgdPeers peers = new SgdPeers();
    TestMme mme;
    SgdMtDelivery delivery;

    @AfterEach
    void close() {
        peers.close();
    }

    void start(BiFunction<DiameterMessage, RequestContext, DiameterMessage> answer) throws Exception {
        start(new TestMme(answer), Duration.ofSeconds(10));
    }

    void start(TestMme handler, Duration timeout) throws Exception {
        mme = handler;
        DiameterNode smsc = peers.smsSc(peers.mme(mme), timeout);
        // announcedOn puts SGd in the SMS-SC's CER: the MME would refuse the TFRs with 3007 otherwise.
        delivery = SgdMtDelivery.announcedOn(smsc, SC, Clock.systemUTC());
        SgdPeers.open(smsc);
    }

    DeliveryAttempt deliver(List<byte[]> tpdus) throws Exception {
        return delivery.deliver(IMSI, AT_MME, tpdus).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aSegmentTheMmeAcknowledgesIsDelivered() throws Exception {
        start(TfaAnswers::delivered);
        DeliveryAttempt a = deliver(List.of(TPDU));
        assertEquals(Result.DELIVERED, a.result(), a.detail());
        TestMme.Received r = mme.received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(r);
        assertEquals(IMSI, r.tfr().imsi());
        assertEquals(SC, r.tfr().scAddress());
        assertArrayEquals(TPDU, r.tfr().tpdu());
        assertFalse(r.tfr().moreMessages(), "a single segment has no More-Messages-To-Send");
        assertTrue(r.message().avp(AvpCodes.TFR_FLAGS, VendorIds.TGPP).isEmpty());
        DiameterMessage tfr = r.message();
        assertEquals(CommandCodes.MT_FORWARD_SHORT_MESSAGE, tfr.commandCode());
        assertEquals(ApplicationIds.SGD, tfr.applicationId());
        assertTrue(tfr.isProxiable());
        assertEquals(SgdPeers.MME, tfr.avp(AvpCodes.DESTINATION_HOST).orElseThrow().text());
        assertEquals(SgdPeers.MME_REALM, tfr.avp(AvpCodes.DESTINATION_REALM).orElseThrow().text(),
                "Destination-Realm is the realm the MME announced");
        assertEquals(1, tfr.avp(AvpCodes.AUTH_SESSION_STATE).orElseThrow().unsigned32(), "NO_STATE_MAINTAINED");
        assertTrue(tfr.avp(AvpCodes.SESSION_ID).orElseThrow().utf8().startsWith(SgdPeers.SMS_SC + ";"));
        assertArrayEquals(new byte[] {(byte) 0x94, 0x71, 0x02, 0x00, 0x10, 0x00},
                tfr.avp(AvpCodes.SC_ADDRESS, VendorIds.TGPP).orElseThrow().data(), "SC-Address is TBCD digits only");
        assertEquals(1, delivery.sentCount());
        assertEquals(1, delivery.answeredCount());
        assertEquals(0, delivery.failedCount());
        assertEquals(1, delivery.deliveredCount());
    }

    @Test
    void threeSegmentsGoOneAfterTheOtherWithMoreMessagesToSendOnTheFirstTwo() throws Exception {
        start(TfaAnswers::delivered);
        List<byte[]> tpdus = List.of(new byte[] {0x44, 1}, new byte[] {0x44, 2}, new byte[] {0x44, 3});
        DeliveryAttempt a = deliver(tpdus);
        assertEquals(Result.DELIVERED, a.result(), a.detail());
        List<TestMme.Received> got = new ArrayList<>();
        mme.received.drainTo(got);
        assertEquals(3, got.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(tpdus.get(i), got.get(i).tfr().tpdu(), "segment " + (i + 1) + " in order");
            assertEquals(i < 2, got.get(i).tfr().moreMessages(), "More-Messages-To-Send on segment " + (i + 1));
        }
        assertEquals(1, got.get(0).message().avp(AvpCodes.TFR_FLAGS, VendorIds.TGPP).orElseThrow().unsigned32());
        assertEquals(3, delivery.sentCount());
        assertEquals(1, delivery.deliveredCount());
    }

    @Test
    void aSegmentThatFailsStopsTheRestAndNamesItself() throws Exception {
        int[] n = {0};
        start((tfr, ctx) -> ++n[0] == 2 ? TfaAnswers.deliveryFailure(tfr, ctx, SmDeliveryFailureCause.MEMORY_CAPACITY_EXCEEDED)
                : TfaAnswers.delivered(tfr, ctx));
        DeliveryAttempt a = deliver(List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}));
        assertEquals(Result.TEMPORARY, a.result(), a.detail());
        assertTrue(a.detail().contains("segment 2 of 3"), a.detail());
        assertTrue(a.detail().contains("MEMORY_CAPACITY_EXCEEDED"), a.detail());
        assertEquals(2, delivery.sentCount(), "the third segment waits for a later attempt");
        assertEquals(0, delivery.deliveredCount());
    }

    @Test
    void anAbsentUeIsAbsent() throws Exception {
        start((tfr, ctx) -> TfaAnswers.absent(tfr, ctx, 1));
        DeliveryAttempt a = deliver(List.of(TPDU));
        assertEquals(Result.ABSENT, a.result(), a.detail());
        assertTrue(a.detail().contains("DIAMETER_ERROR_ABSENT_USER (5550)"), a.detail());
        assertTrue(a.detail().contains("Absent-User-Diagnostic-SM 1"), a.detail());
        assertFalse(a.detail().contains(IMSI.digits()), "no IMSI in the detail");
    }

    @Test
    void anUnknownUserIsPermanent() throws Exception {
        start(TfaAnswers::userUnknown);
        DeliveryAttempt a = deliver(List.of(TPDU));
        assertEquals(Result.PERMANENT, a.result(), a.detail());
        assertTrue(a.detail().contains("DIAMETER_ERROR_USER_UNKNOWN (5001)"), a.detail());
    }

    @ParameterizedTest
    @EnumSource(SmDeliveryFailureCause.class)
    void everyDeliveryFailureCauseHasItsResult(SmDeliveryFailureCause cause) throws Exception {
        start((tfr, ctx) -> TfaAnswers.deliveryFailure(tfr, ctx, cause));
        DeliveryAttempt a = deliver(List.of(TPDU));
        Result expected = cause == SmDeliveryFailureCause.MEMORY_CAPACITY_EXCEEDED
                || cause == SmDeliveryFailureCause.SC_CONGESTION ? Result.TEMPORARY : Result.PERMANENT;
        assertEquals(expected, a.result(), a.detail());
        assertTrue(a.detail().contains("DIAMETER_ERROR_SM_DELIVERY_FAILURE (5555), " + cause), a.detail());
    }

    @Test
    void unableToDeliverAndTooBusyAreTemporary() throws Exception {
        int[] n = {0};
        start((tfr, ctx) -> ctx.answer(tfr, ++n[0] == 1 ? 3002 : 3004).error(true).build());
        DeliveryAttempt first = deliver(List.of(TPDU));
        assertEquals(Result.TEMPORARY, first.result(), first.detail());
        assertTrue(first.detail().contains("DIAMETER_UNABLE_TO_DELIVER (3002)"), first.detail());
        DeliveryAttempt second = deliver(List.of(TPDU));
        assertEquals(Result.TEMPORARY, second.result(), second.detail());
        assertTrue(second.detail().contains("DIAMETER_TOO_BUSY (3004)"), second.detail());
    }

    @Test
    void aTfaWithoutResultIsTemporaryWithItsReason() throws Exception {
        start(new TestMme((tfr, ctx) -> {
            DiameterMessage.Builder b = DiameterMessage.answerTo(tfr);
            tfr.avp(AvpCodes.SESSION_ID).ifPresent(b::avp);
            return b.avp(BaseAvps.originHost(ctx.local().originHost())).avp(BaseAvps.originRealm(ctx.local().originRealm()))
                    .avp(BaseAvps.authSessionState(1)).build();
        }, false), Duration.ofSeconds(10));
        DeliveryAttempt a = deliver(List.of(TPDU));
        assertEquals(Result.TEMPORARY, a.result(), a.detail());
        assertTrue(a.detail().contains("no Result-Code or Experimental-Result"), a.detail());
    }

    /** The project's node always answers in the request's application, so a raw MME sends this one. */
    @Test
    void anAnswerOfAnotherApplicationIsTemporaryWithItsReason() throws Exception {
        DiameterNode smsc = peers.listeningSmsSc();
        delivery = new SgdMtDelivery(smsc, SC, Clock.systemUTC());
        try (RawPeer raw = new RawPeer(smsc.localAddress(), Duration.ofSeconds(WAIT_SECONDS))) {
            raw.send(DiameterMessage.request(CommandCodes.CAPABILITIES_EXCHANGE, ApplicationIds.COMMON, false)
                    .hopByHopId(1).endToEndId(1).avp(BaseAvps.originHost(SgdPeers.MME))
                    .avp(BaseAvps.originRealm(SgdPeers.MME_REALM)).avp(BaseAvps.hostIpAddress(InetAddress.getLoopbackAddress()))
                    .avp(BaseAvps.vendorId(0)).avp(BaseAvps.productName("raw-mme"))
                    .avp(SgdAvps.vendorSpecificApplicationId()).build());
            assertEquals(2001, raw.read().avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32(), "CEA");
            smsc.whenPeerOpen(SgdPeers.MME).get(WAIT_SECONDS, TimeUnit.SECONDS);
            var pending = delivery.deliver(IMSI, AT_MME, List.of(TPDU)).toCompletableFuture();
            DiameterMessage tfr = raw.read();
            assertEquals(CommandCodes.MT_FORWARD_SHORT_MESSAGE, tfr.commandCode());
            raw.send(DiameterMessage.answerTo(tfr).applicationId(ApplicationIds.T4)
                    .avp(tfr.avp(AvpCodes.SESSION_ID).orElseThrow()).avp(BaseAvps.resultCode(2001))
                    .avp(BaseAvps.originHost(SgdPeers.MME)).avp(BaseAvps.originRealm(SgdPeers.MME_REALM))
                    .avp(BaseAvps.authSessionState(1)).build());
            DeliveryAttempt a = pending.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(Result.TEMPORARY, a.result(), a.detail());
            assertTrue(a.detail().contains("not a TFA (application " + ApplicationIds.T4), a.detail());
            assertEquals(0, delivery.deliveredCount());
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsTemporary() throws Exception {
        start(new TestMme((tfr, ctx) -> null), Duration.ofMillis(300));
        DeliveryAttempt a = deliver(List.of(TPDU));
        assertEquals(Result.TEMPORARY, a.result(), a.detail());
        assertTrue(a.detail().contains("no TFA: TIMEOUT"), a.detail());
        assertEquals(1, delivery.failedCount());
    }

    @Test
    void anMmeWithoutConnectionIsTemporary() throws Exception {
        start(TfaAnswers::delivered);
        DeliveryAttempt a = delivery.deliver(IMSI, new ServingNode(ServingNode.Kind.MME, "mme9.elsewhere.test"), List.of(TPDU))
                .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Result.TEMPORARY, a.result(), a.detail());
        assertTrue(a.detail().contains("NO_ROUTE"), a.detail());
        assertNull(mme.received.poll());
    }

    @Test
    void aNodeThatIsNoMmeIsNotTried() throws Exception {
        start(TfaAnswers::delivered);
        DeliveryAttempt a = delivery.deliver(IMSI, new ServingNode(ServingNode.Kind.MSC, "491720000200"), List.of(TPDU))
                .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Result.TEMPORARY, a.result(), a.detail());
        assertEquals(0, delivery.sentCount());
    }

    @Test
    void anScAddressMustBeDigits() {
        assertThrows(IllegalArgumentException.class,
                () -> new SgdMtDelivery(null, "+4917", Clock.systemUTC()));
    }
}
