package org.mtcgate.diameter.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.attack.Requests.dar;
import static org.mtcgate.diameter.attack.Requests.dtr;
import static org.mtcgate.diameter.attack.Requests.failedAvp;
import static org.mtcgate.diameter.attack.Requests.resultCode;
import static org.mtcgate.diameter.attack.Requests.sessionId;
import static org.mtcgate.diameter.attack.TrustedNode.HSS;
import static org.mtcgate.diameter.attack.TrustedNode.MTC_IWF;
import static org.mtcgate.diameter.attack.TrustedNode.MTC_IWF2;
import static org.mtcgate.diameter.attack.TrustedNode.MTC_IWF3;
import static org.mtcgate.diameter.attack.TrustedNode.ODD_SCS;
import static org.mtcgate.diameter.attack.TrustedNode.SCS1;
import static org.mtcgate.diameter.attack.TrustedNode.SCS2;
import static org.mtcgate.diameter.attack.TrustedNode.SMS_SC;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.PeerSecurityListener.RefusedRequest;
import org.mtcgate.diameter.peer.PeerSecurityListener.TrustRule;
import org.mtcgate.diameter.t4.TriggerAction;
import org.mtcgate.filter.Decision;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Verdict;

/**
 * Peers holding valid certificates try what their role does not allow, speak for other peers, or try to reach
 * other peers' answers, over mutual TLS against a node that is MTC-IWF, HSS and SMS-SC at once (issue 11, "Trust,
 * per peer and per request"). Each case checks the answer on the wire, that no handler and no store saw the
 * request, that the refusal was counted and reported (the node's audit path), and, after each case, that a
 * legitimate SCS is still served.
 */
class PeerTrustAttackTest {
    private static final long TIMEOUT_S = 10;
    private static final String COVERED_IMSI = "262015500000001";
    private static final String COVERED_MSISDN = "491701000001";
    private static TrustedNode node;
    /** The legitimate SCS, connected all along. */
    private static AttackPeer legit;
    private int tspBefore;
    private int s6mBefore;

    @BeforeAll
    static void start() throws Exception {
        node = new TrustedNode();
        legit = node.connect(SCS2, "utility.test", ApplicationIds.TSP);
    }

    @AfterAll
    static void stop() throws Exception {
        legit.close();
        node.close();
    }

    @BeforeEach
    void remember() {
        node.refusals.clear();
        node.verdicts.clear();
        tspBefore = node.tspCalls.get();
        s6mBefore = node.s6mCalls.get();
    }

    @AfterEach
    void legitimatePeerStillServed() throws Exception {
        int before = node.tspCalls.get();
        DiameterMessage daa = legit.exchange(dar(SCS2, "utility.test"));
        assertEquals(2001, resultCode(daa), "the legitimate SCS is still served");
        assertEquals(before + 1, node.tspCalls.get());
    }

    /** Waits for the refusal report, and checks it and its counter. */
    private static RefusedRequest refused(TrustRule rule, String peer, long resultCode, Counter counter, long counterBefore)
            throws InterruptedException {
        RefusedRequest r = node.refusals.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(r, "the refusal is reported to the audit listener");
        assertEquals(rule, r.rule());
        assertEquals(peer, r.peerHost(), "reported under the authenticated peer");
        assertEquals(resultCode, r.resultCode());
        assertEquals(counterBefore + 1, node.node.counters().get(counter), "counted");
        return r;
    }

    private void noHandlerSawIt() {
        assertEquals(tspBefore, node.tspCalls.get(), "the Tsp handler saw nothing");
        assertEquals(s6mBefore, node.s6mCalls.get(), "the S6m handler saw nothing");
        assertTrue(node.engine.submitted.isEmpty() && node.engine.recalled.isEmpty() && node.engine.replaced.isEmpty(),
                "the SMS-SC engine saw nothing");
        assertEquals(0, node.pending.size(), "the SMS-SC stored nothing");
    }

    private static long count(Counter c) {
        return node.node.counters().get(c);
    }

    // ---- roles and applications --------------------------------------------------------------

    @Test
    void scsSendingAT4DeviceTriggerIsRefused3007() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP, ApplicationIds.T4)) {
            DiameterMessage a = scs.exchange(dtr(SCS1, "utility.test", COVERED_IMSI, COVERED_MSISDN, 1));
            assertEquals(3007, resultCode(a));
            assertTrue(a.isError(), "3xxx carries the E bit");
        }
        refused(TrustRule.APPLICATION_NOT_ALLOWED, SCS1, 3007, Counter.REQUESTS_NOT_AUTHORISED, before);
        noHandlerSawIt();
        assertTrue(node.verdicts.isEmpty(), "it never reached the T4 filter either");
    }

    @Test
    void scsSendingAnS6mSirToTheHssIsRefused3007() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP, ApplicationIds.S6M)) {
            assertEquals(3007, resultCode(scs.exchange(Requests.sir(SCS1, "utility.test"))));
        }
        refused(TrustRule.APPLICATION_NOT_ALLOWED, SCS1, 3007, Counter.REQUESTS_NOT_AUTHORISED, before);
        noHandlerSawIt();
    }

    @Test
    void scsSendingTspItDidNotAnnounceInItsCerIsRefused3007() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.S6M)) {
            assertEquals(3007, resultCode(scs.exchange(dar(SCS1, "utility.test"))));
        }
        refused(TrustRule.APPLICATION_NOT_ADVERTISED, SCS1, 3007, Counter.REQUESTS_NOT_AUTHORISED, before);
        noHandlerSawIt();
    }

    @Test
    void mtcIwfSendingATspDarIsRefused3001() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer iwf = node.connect(MTC_IWF, "partner.test", ApplicationIds.TSP, ApplicationIds.T4)) {
            DiameterMessage a = iwf.exchange(dar(MTC_IWF, "partner.test"));
            assertEquals(3001, resultCode(a), "an MTC-IWF sends DNR on Tsp, never DAR");
            assertTrue(a.isError());
        }
        refused(TrustRule.COMMAND_NOT_ALLOWED, MTC_IWF, 3001, Counter.REQUESTS_NOT_AUTHORISED, before);
        noHandlerSawIt();
    }

    @Test
    void mtcIwfSendingADeliveryReportIsRefused3001() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer iwf = node.connect(MTC_IWF, "partner.test", ApplicationIds.T4)) {
            assertEquals(3001, resultCode(iwf.exchange(Requests.drr(MTC_IWF, "partner.test", 7))),
                    "delivery reports come from SMS-SCs only");
        }
        refused(TrustRule.COMMAND_NOT_ALLOWED, MTC_IWF, 3001, Counter.REQUESTS_NOT_AUTHORISED, before);
        noHandlerSawIt();
    }

    @Test
    void hssSendingAnyRequestIsRefused3007() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer hss = node.connect(HSS, TrustedNode.REALM, ApplicationIds.TSP, ApplicationIds.S6M)) {
            assertEquals(3007, resultCode(hss.exchange(dar(HSS, TrustedNode.REALM))));
            assertEquals(3007, resultCode(hss.exchange(Requests.sir(HSS, TrustedNode.REALM))));
        }
        for (int i = 0; i < 2; i++) {
            RefusedRequest r = node.refusals.poll(TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(r);
            assertEquals(TrustRule.APPLICATION_NOT_ALLOWED, r.rule());
            assertEquals(HSS, r.peerHost());
        }
        assertEquals(before + 2, count(Counter.REQUESTS_NOT_AUTHORISED));
        noHandlerSawIt();
    }

    @Test
    void smsScSendingADeviceTriggerIsRefused3001() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer smsc = node.connect(SMS_SC, "partner.test", ApplicationIds.T4)) {
            assertEquals(3001, resultCode(smsc.exchange(dtr(SMS_SC, "partner.test", COVERED_IMSI, COVERED_MSISDN, 2))),
                    "an SMS-SC sends DRR on T4, never DTR");
        }
        refused(TrustRule.COMMAND_NOT_ALLOWED, SMS_SC, 3001, Counter.REQUESTS_NOT_AUTHORISED, before);
        noHandlerSawIt();
    }

    @Test
    void mtcIwfNarrowedToS6mByConfigurationIsRefusedT4ButServedS6m() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer iwf = node.connect(MTC_IWF3, "partner.test", ApplicationIds.T4, ApplicationIds.S6M)) {
            assertEquals(3007, resultCode(iwf.exchange(dtr(MTC_IWF3, "partner.test", COVERED_IMSI, COVERED_MSISDN, 3))));
            refused(TrustRule.APPLICATION_NOT_ALLOWED, MTC_IWF3, 3007, Counter.REQUESTS_NOT_AUTHORISED, before);
            noHandlerSawIt();
            assertEquals(2001, resultCode(iwf.exchange(Requests.sir(MTC_IWF3, "partner.test"))), "S6m is its to use");
            assertEquals(s6mBefore + 1, node.s6mCalls.get());
        }
    }

    @Test
    void unknownApplicationNotAnnouncedIsRefused3007() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP)) {
            assertEquals(3007, resultCode(scs.exchange(Requests.unknownApplication(SCS1, "utility.test", 16_777_999L))));
        }
        refused(TrustRule.APPLICATION_NOT_ADVERTISED, SCS1, 3007, Counter.REQUESTS_NOT_AUTHORISED, before);
        noHandlerSawIt();
    }

    @Test
    void unknownApplicationAnnouncedInCerIsStillRefused3007() throws Exception {
        long before = count(Counter.REQUESTS_NOT_AUTHORISED);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP, 16_777_999L)) {
            assertEquals(3007, resultCode(scs.exchange(Requests.unknownApplication(SCS1, "utility.test", 16_777_999L))));
        }
        refused(TrustRule.APPLICATION_NOT_ALLOWED, SCS1, 3007, Counter.REQUESTS_NOT_AUTHORISED, before);
        noHandlerSawIt();
    }

    // ---- identity bound to the connection ----------------------------------------------------

    @Test
    void originHostOfAnotherPeerIsRefused3010() throws Exception {
        long before = count(Counter.ORIGIN_NOT_AUTHENTICATED);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP)) {
            DiameterMessage a = scs.exchange(dar(SCS2, "utility.test"));
            assertEquals(3010, resultCode(a));
            assertTrue(a.isError());
            assertEquals(AvpCodes.ORIGIN_HOST, failedAvp(a).code());
            assertEquals(SCS2, failedAvp(a).text());
        }
        RefusedRequest r = refused(TrustRule.ORIGIN_HOST_MISMATCH, SCS1, 3010, Counter.ORIGIN_NOT_AUTHENTICATED, before);
        assertEquals(SCS2, r.claimedOrigin(), "the audit names what was claimed and who claimed it");
        noHandlerSawIt();
    }

    @Test
    void untrustedMtcIwfBorrowingATrustedOnesIdentityIsRefused3010() throws Exception {
        long before = count(Counter.ORIGIN_NOT_AUTHENTICATED);
        try (AttackPeer iwf2 = node.connect(MTC_IWF2, "partner.test", ApplicationIds.T4)) {
            assertEquals(3010, resultCode(iwf2.exchange(dtr(MTC_IWF, "partner.test", COVERED_IMSI, COVERED_MSISDN, 4))));
        }
        refused(TrustRule.ORIGIN_HOST_MISMATCH, MTC_IWF2, 3010, Counter.ORIGIN_NOT_AUTHENTICATED, before);
        noHandlerSawIt();
        assertTrue(node.verdicts.isEmpty(), "the filter never saw the borrowed identity");
    }

    @Test
    void originRealmOtherThanTheCersIsRefused5004() throws Exception {
        long before = count(Counter.ORIGIN_NOT_AUTHENTICATED);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP)) {
            DiameterMessage a = scs.exchange(dar(SCS1, "other.test"));
            assertEquals(5004, resultCode(a));
            assertEquals(AvpCodes.ORIGIN_REALM, failedAvp(a).code());
        }
        refused(TrustRule.ORIGIN_REALM_MISMATCH, SCS1, 5004, Counter.ORIGIN_NOT_AUTHENTICATED, before);
        noHandlerSawIt();
    }

    @Test
    void originHostOutsideItsOriginRealmIsRefused5004() throws Exception {
        long before = count(Counter.ORIGIN_NOT_AUTHENTICATED);
        // The CER claims a realm the host is not in; each request repeats it consistently.
        try (AttackPeer scs = node.connect(SCS1, "evil.test", ApplicationIds.TSP)) {
            DiameterMessage a = scs.exchange(dar(SCS1, "evil.test"));
            assertEquals(5004, resultCode(a));
            assertEquals(AvpCodes.ORIGIN_REALM, failedAvp(a).code());
        }
        refused(TrustRule.HOST_OUTSIDE_REALM, SCS1, 5004, Counter.ORIGIN_NOT_AUTHENTICATED, before);
        noHandlerSawIt();
    }

    @Test
    void configuredHostWhoseNameDoesNotFollowItsRealmIsServed() throws Exception {
        try (AttackPeer odd = node.connect(ODD_SCS, "utility.test", ApplicationIds.TSP)) {
            assertEquals(2001, resultCode(odd.exchange(dar(ODD_SCS, "utility.test"))),
                    "the operator paired scs-odd with utility.test explicitly");
            assertEquals(tspBefore + 1, node.tspCalls.get());
            // The same host in another realm is not covered by that pairing.
            assertEquals(5004, resultCode(odd.exchange(dar(ODD_SCS, "other.test"))));
        }
        assertEquals(TrustRule.ORIGIN_REALM_MISMATCH, node.refusals.poll(TIMEOUT_S, TimeUnit.SECONDS).rule());
    }

    @Test
    void authApplicationIdContradictingTheHeaderIsRefused5004() throws Exception {
        long before = count(Counter.APPLICATION_ID_MISMATCH);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP)) {
            DiameterMessage a = scs.exchange(dar(SCS1, "utility.test", Requests.nextId(), ApplicationIds.S6M));
            assertEquals(5004, resultCode(a));
            assertEquals(AvpCodes.AUTH_APPLICATION_ID, failedAvp(a).code());
            assertEquals(ApplicationIds.S6M, failedAvp(a).unsigned32());
        }
        refused(TrustRule.APPLICATION_ID_MISMATCH, SCS1, 5004, Counter.APPLICATION_ID_MISMATCH, before);
        noHandlerSawIt();
    }

    @Test
    void vendorSpecificApplicationIdNamingAnotherApplicationIsRefused5004() throws Exception {
        long before = count(Counter.APPLICATION_ID_MISMATCH);
        try (AttackPeer iwf = node.connect(MTC_IWF, "partner.test", ApplicationIds.T4)) {
            DiameterMessage a = iwf.exchange(dtr(MTC_IWF, "partner.test", COVERED_IMSI, COVERED_MSISDN, 5, TriggerAction.TRIGGER,
                    null, BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.S6M)));
            assertEquals(5004, resultCode(a));
            Avp failed = failedAvp(a);
            assertEquals(AvpCodes.VENDOR_SPECIFIC_APPLICATION_ID, failed.code());
            assertEquals(1, failed.groupedAvps().size(), "only the offending child (RFC 6733 7.5)");
            assertEquals(ApplicationIds.S6M, failed.groupedAvps().get(0).unsigned32());
        }
        refused(TrustRule.APPLICATION_ID_MISMATCH, MTC_IWF, 5004, Counter.APPLICATION_ID_MISMATCH, before);
        noHandlerSawIt();
        assertTrue(node.verdicts.isEmpty(), "refused before the T4 filter");
    }

    // ---- duplicate detection keyed by the authenticated peer ---------------------------------

    @Test
    void replayOfAnotherPeersEndToEndIdAndOriginHostGetsNeitherItsAnswerNorItsEntry() throws Exception {
        int e2e = Requests.nextId();
        DiameterMessage original = dar(SCS2, "utility.test", e2e);
        DiameterMessage legitAnswer = legit.exchange(original);
        assertEquals(2001, resultCode(legitAnswer));
        int handled = node.tspCalls.get();
        long before = count(Counter.ORIGIN_NOT_AUTHENTICATED);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP)) {
            DiameterMessage a = scs.exchange(dar(SCS2, "utility.test", e2e));
            assertEquals(3010, resultCode(a));
            assertNotEquals(sessionId(legitAnswer), sessionId(a), "not SCS2's answer");
        }
        refused(TrustRule.ORIGIN_HOST_MISMATCH, SCS1, 3010, Counter.ORIGIN_NOT_AUTHENTICATED, before);
        assertEquals(handled, node.tspCalls.get());
        // SCS2's own retransmission still gets its own answer: the attacker replaced nothing.
        DiameterMessage again = legit.exchange(original.toBuilder().retransmit(true).hopByHopId(Requests.nextId()).build());
        assertEquals(sessionId(legitAnswer), sessionId(again));
        assertEquals(handled, node.tspCalls.get(), "answered from the duplicate cache");
    }

    @Test
    void anotherPeersEndToEndIdUnderOnesOwnOriginHostIsANewRequest() throws Exception {
        int e2e = Requests.nextId();
        DiameterMessage legitAnswer = legit.exchange(dar(SCS2, "utility.test", e2e));
        int handled = node.tspCalls.get();
        long duplicates = count(Counter.DUPLICATE_REQUESTS);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP)) {
            DiameterMessage mine = dar(SCS1, "utility.test", e2e);
            DiameterMessage a = scs.exchange(mine);
            assertEquals(2001, resultCode(a));
            assertEquals(sessionId(mine), sessionId(a), "its own answer, not SCS2's " + sessionId(legitAnswer));
        }
        assertEquals(handled + 1, node.tspCalls.get(), "handled as SCS1's own request");
        assertEquals(duplicates, count(Counter.DUPLICATE_REQUESTS));
        assertTrue(node.refusals.isEmpty());
    }

    @Test
    void duplicateFromTheSamePeerIsAnsweredFromTheCache() throws Exception {
        long duplicates = count(Counter.DUPLICATE_REQUESTS);
        try (AttackPeer scs = node.connect(SCS1, "utility.test", ApplicationIds.TSP)) {
            DiameterMessage request = dar(SCS1, "utility.test");
            DiameterMessage first = scs.exchange(request);
            DiameterMessage second = scs.exchange(request.toBuilder().retransmit(true).hopByHopId(Requests.nextId()).build());
            assertEquals(2001, resultCode(second));
            assertEquals(sessionId(first), sessionId(second));
        }
        assertEquals(tspBefore + 1, node.tspCalls.get(), "handled once");
        assertEquals(duplicates + 1, count(Counter.DUPLICATE_REQUESTS));
    }

    // ---- the SMS-SC's T4 ingress -------------------------------------------------------------

    @Test
    void trustedMtcIwfTriggerIsTakenUnderItsAuthenticatedIdentity() throws Exception {
        try (AttackPeer iwf = node.connect(MTC_IWF, "partner.test", ApplicationIds.T4)) {
            assertEquals(2001, resultCode(iwf.exchange(dtr(MTC_IWF, "partner.test", COVERED_IMSI, COVERED_MSISDN, 10))));
        }
        assertEquals(1, node.engine.submitted.size());
        assertEquals(MTC_IWF, node.engine.submitted.get(0).id().scsIdentity());
        InboundItem item = node.items.get(node.items.size() - 1);
        assertEquals(Ingress.T4, item.ingress());
        assertEquals(MTC_IWF, item.originator().identity());
        assertEquals(Decision.ALLOW, node.verdicts.poll(TIMEOUT_S, TimeUnit.SECONDS).decision());
        node.pending.remove(node.engine.submitted.get(0).id());
        node.engine.submitted.clear();
    }

    @Test
    void trustedMtcIwfTriggeringAUeItsGrantDoesNotCoverIsBlocked5003AndNothingIsStored() throws Exception {
        long refusedBefore = node.smsSc.refusedCount();
        try (AttackPeer iwf = node.connect(MTC_IWF, "partner.test", ApplicationIds.T4)) {
            DiameterMessage a = iwf.exchange(dtr(MTC_IWF, "partner.test", "262019900000001", "491799000001", 11));
            assertEquals(5003, resultCode(a), "DIAMETER_AUTHORIZATION_REJECTED");
            assertTrue(a.avp(AvpCodes.ERROR_MESSAGE).orElseThrow().text().contains("T4 ingress"));
        }
        Verdict v = node.verdicts.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertNotNull(v, "the verdict went to the observer (audit)");
        assertEquals(Decision.BLOCK, v.decision());
        assertEquals(MTC_IWF, node.items.get(node.items.size() - 1).originator().identity());
        assertEquals(refusedBefore + 1, node.smsSc.refusedCount());
        noHandlerSawIt();
    }

    @Test
    void mtcIwfTrustedForOrdinarySmsOnlyCannotSendAProtectedTrigger() throws Exception {
        try (AttackPeer iwf2 = node.connect(MTC_IWF2, "partner.test", ApplicationIds.T4)) {
            assertEquals(5003, resultCode(iwf2.exchange(dtr(MTC_IWF2, "partner.test", COVERED_IMSI, COVERED_MSISDN, 12))));
        }
        Verdict v = node.verdicts.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(Decision.BLOCK, v.decision());
        assertEquals(0x48, node.items.get(node.items.size() - 1).tpPid(), "judged as a device trigger (TP-PID 0x48)");
        noHandlerSawIt();
    }

    @Test
    void replaceTowardsAnUncoveredUeIsBlockedAndTheOriginalStays() throws Exception {
        try (AttackPeer iwf = node.connect(MTC_IWF, "partner.test", ApplicationIds.T4)) {
            assertEquals(2001, resultCode(iwf.exchange(dtr(MTC_IWF, "partner.test", COVERED_IMSI, COVERED_MSISDN, 20))));
            DiameterMessage a = iwf.exchange(dtr(MTC_IWF, "partner.test", "262019900000001", "491799000001", 21,
                    TriggerAction.REPLACE, 20L));
            assertEquals(5003, resultCode(a));
        }
        assertTrue(node.engine.replaced.isEmpty(), "nothing replaced");
        assertEquals(1, node.pending.size(), "the original is still pending");
        node.pending.remove(node.engine.submitted.get(0).id());
        node.engine.submitted.clear();
    }

    @Test
    void mtcIwfBeyondItsQuotaGetsScCongestionAndNothingIsStored() throws Exception {
        try (AttackPeer iwf4 = node.connect(TrustedNode.MTC_IWF4, "partner.test", ApplicationIds.T4)) {
            assertEquals(2001, resultCode(iwf4.exchange(dtr(TrustedNode.MTC_IWF4, "partner.test", COVERED_IMSI, COVERED_MSISDN, 40))));
            DiameterMessage a = iwf4.exchange(dtr(TrustedNode.MTC_IWF4, "partner.test", COVERED_IMSI, COVERED_MSISDN, 41));
            assertEquals(5531, a.avp(AvpCodes.EXPERIMENTAL_RESULT).orElseThrow().groupedAvps().stream()
                    .filter(c -> c.code() == AvpCodes.EXPERIMENTAL_RESULT_CODE).findFirst().orElseThrow().unsigned32(),
                    "DIAMETER_ERROR_SC_CONGESTION: its quota of one a day is used");
        }
        assertEquals(Decision.ALLOW, node.verdicts.poll(TIMEOUT_S, TimeUnit.SECONDS).decision());
        assertEquals(Decision.BLOCK, node.verdicts.poll(TIMEOUT_S, TimeUnit.SECONDS).decision());
        assertEquals(1, node.engine.submitted.size(), "only the first reached the SMS-SC");
        assertEquals(1, node.pending.size());
        node.pending.remove(node.engine.submitted.get(0).id());
        node.engine.submitted.clear();
    }

    @Test
    void oneMtcIwfCannotRecallAnothersTrigger() throws Exception {
        try (AttackPeer iwf = node.connect(MTC_IWF, "partner.test", ApplicationIds.T4)) {
            assertEquals(2001, resultCode(iwf.exchange(dtr(MTC_IWF, "partner.test", COVERED_IMSI, COVERED_MSISDN, 30))));
        }
        try (AttackPeer iwf2 = node.connect(MTC_IWF2, "partner.test", ApplicationIds.T4)) {
            DiameterMessage a = iwf2.exchange(dtr(MTC_IWF2, "partner.test", COVERED_IMSI, COVERED_MSISDN, 31,
                    TriggerAction.RECALL, 30L));
            assertEquals(5535, a.avp(AvpCodes.EXPERIMENTAL_RESULT).orElseThrow().groupedAvps().stream()
                    .filter(c -> c.code() == AvpCodes.EXPERIMENTAL_RESULT_CODE).findFirst().orElseThrow().unsigned32(),
                    "ORIGINAL_MESSAGE_NOT_PENDING: its namespace holds no trigger 30");
        }
        assertTrue(node.engine.recalled.isEmpty(), "nothing recalled");
        assertEquals(1, node.pending.size(), "MTC_IWF's trigger is still pending");
        node.pending.remove(node.engine.submitted.get(0).id());
        node.engine.submitted.clear();
    }
}
