package org.mtcgate.diameter.s6m;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.MutableClock;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.Subscriber;
import org.mtcgate.filter.trigger.SubscriberLookup;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.trigger.UeName;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/** S6m over real sockets: the MTC-IWF's SIR client against the HSS role answering from a subscriber table. */
class S6mTest {
    static final String HSS = "hss.operator.test";
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    static final Imsi IMSI = Imsi.of("262015500000001");
    static final UeName METER = UeName.of(ExternalId.of("meter-1@meters.test"));

    static SubscriberTable table() {
        return new SubscriberTable(List.of(
                new Subscriber(IMSI, Msisdn.of("491701000001"), List.of(ExternalId.of("meter-1@meters.test")), Set.of(SCS),
                        List.of("491720000200", "sgsn:491720000300", "mme:mme1.epc.operator.test")),
                new Subscriber(Imsi.of("262015500000002"), null, List.of(ExternalId.of("meter-2@meters.test")), Set.of(SCS),
                        List.of())));
    }

    final LoopbackNodes nodes = new LoopbackNodes();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    HssS6mApplication hss;
    DiameterNode mtcIwf;
    S6mSubscriberDirectory directory;

    @BeforeEach
    void start() throws Exception {
        hss = new HssS6mApplication(table());
        DiameterNode hssNode = nodes.server(HSS, MTC_IWF).registerHandler(ApplicationIds.S6M, hss).start();
        mtcIwf = nodes.client(MTC_IWF, hssNode).supportApplication(ApplicationIds.S6M).start();
        LoopbackNodes.awaitOpen(mtcIwf, HSS);
        directory = new S6mSubscriberDirectory(mtcIwf, new S6mClientConfig("operator.test", HSS, Duration.ofMinutes(5), 100), clock);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    SubscriberLookup lookup(UeName ue, String scs) throws Exception {
        return directory.lookup(ue, scs).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void knownUeIsFoundWithImsiMsisdnAndServingNodes() throws Exception {
        SubscriberLookup found = lookup(METER, SCS);
        assertTrue(found.isFound(), found.reason());
        assertEquals(IMSI, found.subscriber().imsi());
        assertEquals(Msisdn.of("491701000001"), found.subscriber().msisdn());
        assertEquals(List.of("491720000200", "sgsn:491720000300", "mme:mme1.epc.operator.test"), found.subscriber().servingNodes());

        SubscriberLookup byMsisdn = lookup(UeName.of(Msisdn.of("491701000001")), SCS);
        assertEquals(IMSI, byMsisdn.subscriber().imsi());

        SubscriberLookup absent = lookup(UeName.of(ExternalId.of("meter-2@meters.test")), SCS);
        assertTrue(absent.isFound());
        assertEquals(List.of(), absent.subscriber().servingNodes());
        assertEquals(null, absent.subscriber().msisdn());
    }

    @Test
    void unknownUeIsInvextid() throws Exception {
        SubscriberLookup l = lookup(UeName.of(ExternalId.of("nobody@meters.test")), SCS);
        assertEquals(RequestStatus.INVEXTID, l.refusal());
    }

    @Test
    void scsNotAllowedIsNotAuthorized() throws Exception {
        SubscriberLookup l = lookup(METER, "scs.rogue.test");
        assertEquals(RequestStatus.NOTAUTHORIZED, l.refusal());
    }

    @Test
    void cacheHitSendsNoSecondSirUntilTheTtlRunsOut() throws Exception {
        assertTrue(lookup(METER, SCS).isFound());
        assertEquals(1, hss.requestCount());
        assertTrue(lookup(METER, SCS).isFound());
        assertEquals(1, hss.requestCount(), "the second lookup came from the cache");
        assertEquals(1, directory.cacheHitCount());

        lookup(UeName.of(ExternalId.of("nobody@meters.test")), SCS);
        lookup(UeName.of(ExternalId.of("nobody@meters.test")), SCS);
        assertEquals(3, hss.requestCount(), "refusals are not cached");

        clock.advance(Duration.ofMinutes(5));
        assertTrue(lookup(METER, SCS).isFound());
        assertEquals(4, hss.requestCount(), "an expired entry is asked for again");
    }

    @Test
    void concurrentLookupsOfOneUeShareOneSir() throws Exception {
        // An HSS that holds its answers until the test lets them go: both lookups are surely in flight together.
        CompletableFuture<Void> gate = new CompletableFuture<>();
        HssS6mApplication slowHss = new HssS6mApplication(table());
        DiameterNode slowNode = nodes.server("hss2.slow.test", "mtc-iwf2.operator.test").registerHandler(ApplicationIds.S6M,
                (request, ctx) -> gate.thenCompose(v -> slowHss.handle(request, ctx))).start();
        DiameterNode client = nodes.client("mtc-iwf2.operator.test", slowNode).supportApplication(ApplicationIds.S6M).start();
        LoopbackNodes.awaitOpen(client, "hss2.slow.test");
        S6mSubscriberDirectory d = new S6mSubscriberDirectory(client, S6mClientConfig.of("slow.test"), clock);

        CompletableFuture<SubscriberLookup> first = d.lookup(METER, SCS).toCompletableFuture();
        CompletableFuture<SubscriberLookup> second = d.lookup(METER, SCS).toCompletableFuture();
        CompletableFuture<SubscriberLookup> otherScs = d.lookup(METER, "scs.rogue.test").toCompletableFuture();
        gate.complete(null);
        assertTrue(first.get(WAIT_SECONDS, TimeUnit.SECONDS).isFound());
        assertTrue(second.get(WAIT_SECONDS, TimeUnit.SECONDS).isFound());
        assertEquals(RequestStatus.NOTAUTHORIZED, otherScs.get(WAIT_SECONDS, TimeUnit.SECONDS).refusal());
        assertEquals(2, slowHss.requestCount(), "one SIR per (UE, SCS)");
        assertEquals(1, d.joinedCount());
    }

    @Test
    void cacheIsBounded() {
        SubscriberCache cache = new SubscriberCache(Duration.ofMinutes(1), 2, clock);
        SubscriberLookup l = SubscriberLookup.found(table().resolve(METER, SCS).subscriber());
        for (int i = 0; i < 5; i++) {
            cache.put(UeName.of(ExternalId.of("m" + i + "@meters.test")), SCS, l);
        }
        assertEquals(2, cache.size());
        assertTrue(cache.get(UeName.of(ExternalId.of("m4@meters.test")), SCS).isPresent());
        assertFalse(cache.get(UeName.of(ExternalId.of("m0@meters.test")), SCS).isPresent());
    }

    @Test
    void noAnswerIsATemporaryError() throws Exception {
        S6mSubscriberDirectory nowhere = new S6mSubscriberDirectory(mtcIwf, S6mClientConfig.of("no-hss.test"), clock);
        SubscriberLookup l = nowhere.lookup(METER, SCS).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(RequestStatus.TEMPORARYERROR, l.refusal());
        assertEquals(1, nowhere.failedCount());
    }

    DiameterMessage sir(Avp... avps) {
        DiameterMessage.Builder b = DiameterMessage.request(CommandCodes.SUBSCRIBER_INFORMATION, ApplicationIds.S6M, true)
                .avp(BaseAvps.sessionId(MTC_IWF + ";raw;" + System.nanoTime()))
                .avp(S6mAvps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationRealm("operator.test"));
        for (Avp a : avps) {
            b.avp(a);
        }
        return b.build();
    }

    DiameterMessage send(DiameterMessage m) throws Exception {
        return mtcIwf.sendRequest(m).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static long resultCode(DiameterMessage m) {
        return m.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32();
    }

    static Avp failed(DiameterMessage m) {
        return m.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0);
    }

    @Test
    void malformedSirsGetRfc6733Answers() throws Exception {
        Avp ui = new UserIdentifier(null, null, ExternalId.of("meter-1@meters.test")).toAvp();
        Avp flags = S6mAvps.sirFlags(1);
        Avp scs = S6mAvps.scsIdentity(SCS);

        DiameterMessage noUserIdentifier = send(sir(S6mAvps.serviceId(0), scs, flags));
        assertEquals(5005, resultCode(noUserIdentifier));
        assertEquals(AvpCodes.USER_IDENTIFIER, failed(noUserIdentifier).code());

        DiameterMessage smsMo = send(sir(ui, S6mAvps.serviceId(1), scs, flags));
        assertEquals(5004, resultCode(smsMo));
        assertEquals(AvpCodes.SERVICE_ID, failed(smsMo).code());
        assertEquals(1, failed(smsMo).unsigned32());

        DiameterMessage noService = send(sir(ui, scs, flags));
        assertEquals(5005, resultCode(noService));
        assertEquals(AvpCodes.SERVICE_ID, failed(noService).code());

        DiameterMessage noScs = send(sir(ui, S6mAvps.serviceId(0), flags));
        assertEquals(5005, resultCode(noScs));
        assertEquals(AvpCodes.SCS_IDENTITY, failed(noScs).code());

        DiameterMessage imsiOnly = send(sir(new UserIdentifier(IMSI, null, null).toAvp(), S6mAvps.serviceId(0), scs, flags));
        assertEquals(5005, resultCode(imsiOnly));
        assertEquals(AvpCodes.USER_IDENTIFIER, failed(imsiOnly).code());

        DiameterMessage badMsisdn = send(sir(TgppAvps.tgpp(AvpCodes.USER_IDENTIFIER).grouped(
                TgppAvps.tgpp(AvpCodes.MSISDN).octets(new byte[] {(byte) 0x94, (byte) 0xAB})), S6mAvps.serviceId(0), scs, flags));
        assertEquals(5004, resultCode(badMsisdn));
        assertEquals(AvpCodes.MSISDN, failed(badMsisdn).code());

        DiameterMessage notUtf8Scs = send(sir(ui, S6mAvps.serviceId(0),
                TgppAvps.tgpp(AvpCodes.SCS_IDENTITY).octets(new byte[] {(byte) 0xC3}), flags));
        assertEquals(5004, resultCode(notUtf8Scs));

        assertEquals(6, hss.refusedCount(), "the dictionary refused the SIR without User-Identifier before the HSS saw it");
        // The HSS still serves afterwards.
        DiameterMessage ok = send(sir(ui, S6mAvps.serviceId(0), scs, flags));
        assertEquals(2001, resultCode(ok));
        assertEquals(IMSI, UserIdentifier.decode(ok.avp(AvpCodes.USER_IDENTIFIER, VendorIds.TGPP).orElseThrow()).imsi());
    }

    /** TS 29.368 6.4.9 names the Request-Status for each TS 29.336 6.3.3 code. */
    @Test
    void siaExperimentalResultsMapAsTs29368Prescribes() {
        for (Object[] row : new Object[][] {{5001L, RequestStatus.INVEXTID}, {5510L, RequestStatus.NOTAUTHORIZED},
                {5511L, RequestStatus.SERVICEUNAVAILABLE}, {5999L, RequestStatus.SERVICEUNAVAILABLE}}) {
            DiameterMessage sia = DiameterMessage.builder().commandCode(CommandCodes.SUBSCRIBER_INFORMATION)
                    .applicationId(ApplicationIds.S6M).avp(TgppAvps.experimentalResult((Long) row[0])).build();
            assertEquals(row[1], SubscriberInformationAnswer.decode(sia).refusal(), "Experimental-Result " + row[0]);
        }
        DiameterMessage busy = DiameterMessage.builder().commandCode(CommandCodes.SUBSCRIBER_INFORMATION)
                .applicationId(ApplicationIds.S6M).avp(BaseAvps.resultCode(3004)).build();
        assertEquals(RequestStatus.TEMPORARYERROR, SubscriberInformationAnswer.decode(busy).refusal());
    }

    @Test
    void refusalsUseExperimentalResultWithVendor10415() throws Exception {
        DiameterMessage unknown = send(sir(new UserIdentifier(null, null, ExternalId.of("x@meters.test")).toAvp(),
                S6mAvps.serviceId(0), S6mAvps.scsIdentity(SCS), S6mAvps.sirFlags(1)));
        assertTrue(unknown.avp(AvpCodes.RESULT_CODE).isEmpty());
        assertEquals(new AnswerResult(5001, true), AnswerResult.of(unknown));
    }
}
