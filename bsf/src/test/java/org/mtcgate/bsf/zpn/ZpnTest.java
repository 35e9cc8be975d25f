package org.mtcgate.bsf.zpn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.bsf.VectorSource;
import org.mtcgate.bsf.zn.NafAuthorisation;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.HomeAuthentication;
import org.mtcgate.gba.aka.MemoryAkaSubscriberStore;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.gba.push.GpiIssuer;
import org.mtcgate.gba.push.MtcgateGpi1;
import org.mtcgate.gba.push.Ptid;
import org.mtcgate.gba.push.PushUe;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.LOOPBACK;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/** Zpn over loopback: Push-NAFs on the project's Diameter stack ask the BSF's Zpn application for GPIs. */
class ZpnTest {
    static final String BSF = "bsf.operator.test";
    static final String PUSH_NAF = "scs1.operator.test";
    static final String ZN_ONLY_NAF = "naf1.operator.test";
    static final AkaCredentials SUB = new AkaCredentials(new Impi("262015500000001@ims.mnc001.mcc262.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));
    static final NafId NAF_ID = new NafId("scs.utility.test", UaSecurityProtocolId.GPL);

    final ConcurrentLinkedQueue<String> audit = new ConcurrentLinkedQueue<>();
    final List<DiameterNode> nodes = new ArrayList<>();
    DiameterNode bsf;

    static BsfZpnApplication application(ZpnObserver observer) {
        HomeAuthentication home = new HomeAuthentication(new MemoryAkaSubscriberStore(List.of(SUB)),
                new AuthenticationCentre(new SecureRandom()), Amf.UMTS);
        return new BsfZpnApplication(VectorSource.of(home), new GpiIssuer(new MtcgateGpi1()),
                new NafAuthorisation(Map.of(PUSH_NAF, Set.of(NAF_ID.fqdn()))), Duration.ofHours(1), Clock.systemUTC(),
                observer);
    }

    static DiameterNode bsf(BsfZpnApplication app) throws Exception {
        DiameterNode n = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(BSF))
                .listen(new InetSocketAddress(LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(PUSH_NAF, LoopbackNodes.realm(PUSH_NAF), PeerRole.NAF))
                .peer(PeerConfig.accepting(ZN_ONLY_NAF, LoopbackNodes.realm(ZN_ONLY_NAF), PeerRole.NAF))
                .peer(PeerConfig.accepting("mtc-iwf.operator.test", "operator.test", PeerRole.MTC_IWF)).build());
        n.registerHandler(ApplicationIds.ZPN, app).start();
        return n;
    }

    static DiameterNode client(String host, DiameterNode bsf) throws Exception {
        DiameterNode n = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(host)).insecureLab(true)
                .peer(PeerConfig.connecting(BSF, LoopbackNodes.realm(BSF), bsf.localAddress(), PeerRole.HSS)).build());
        n.supportApplication(ApplicationIds.ZPN).start();
        LoopbackNodes.awaitOpen(n, BSF);
        return n;
    }

    @BeforeEach
    void start() throws Exception {
        bsf = bsf(application((naf, ue, fqdn, outcome, code, reason) -> audit.add(naf + " " + ue + " " + fqdn + " " + outcome + " " + code)));
        nodes.add(bsf);
    }

    @AfterEach
    void stop() {
        nodes.forEach(DiameterNode::close);
    }

    DiameterNode client(String host) throws Exception {
        DiameterNode n = client(host, bsf);
        nodes.add(0, n);
        return n;
    }

    ZpnClient zpn(DiameterNode n) {
        return new ZpnClient(n, LoopbackNodes.realm(BSF), new MtcgateGpi1());
    }

    static long experimental(DiameterMessage a) {
        return TgppAvps.child(a.avp(AvpCodes.EXPERIMENTAL_RESULT).orElseThrow().groupedAvps(), AvpCodes.EXPERIMENTAL_RESULT_CODE, 0)
                .unsigned32();
    }

    static long resultCode(DiameterMessage a) {
        return a.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32();
    }

    @Test
    void aPushNafGetsAGpiTheUeAcceptsAndBothHoldTheSameKey() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ZpnClient.Outcome o = zpn(client(PUSH_NAF)).gpi(SUB.impi(), NAF_ID, Ptid.ofText("ptid-1"), now.plusSeconds(600))
                .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        ZpnClient.Served served = assertInstanceOf(ZpnClient.Served.class, o);
        assertEquals(SUB.impi(), served.sa().impi(), "the IMPI came back as asked");
        assertEquals(now.plusSeconds(600), served.sa().keyExpiry());
        PushUe.Accepted ue = new PushUe(SUB, new MtcgateGpi1(), Set.of(NAF_ID))
                .accept(served.gpi(), UsimSequenceState.initial(), now);
        assertEquals(served.sa(), ue.sa(), "UE and Push-NAF hold the same NAF SA: P-TID, RAND, NAF_Id, Ks_NAF, expiry");
        assertEquals(List.of(PUSH_NAF + " " + SUB.impi() + " " + NAF_ID.fqdn() + " served 2001"), List.copyOf(audit));
    }

    @Test
    void theLifetimeIsCappedByTheBsf() throws Exception {
        Instant far = Instant.now().plus(Duration.ofDays(30));
        ZpnClient.Served served = (ZpnClient.Served) zpn(client(PUSH_NAF)).gpi(SUB.impi(), NAF_ID, Ptid.ofText("p"), far)
                .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(served.sa().keyExpiry().isBefore(Instant.now().plus(Duration.ofMinutes(61))));
    }

    @Test
    void aNafNotConfiguredForPushOrAnotherFqdnIsNotAuthorised() throws Exception {
        ZpnClient.Outcome other = zpn(client(ZN_ONLY_NAF)).gpi(SUB.impi(), NAF_ID, Ptid.ofText("p"), Instant.now().plusSeconds(60))
                .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5402, assertInstanceOf(ZpnClient.Refused.class, other).code());
        ZpnClient.Outcome fqdn = zpn(client(PUSH_NAF)).gpi(SUB.impi(), new NafId("bank.example.com", UaSecurityProtocolId.GPL),
                Ptid.ofText("p"), Instant.now().plusSeconds(60)).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5402, ((ZpnClient.Refused) fqdn).code());
        assertEquals(List.of(ZN_ONLY_NAF + " " + SUB.impi() + " scs.utility.test push-not-authorised 5402",
                PUSH_NAF + " " + SUB.impi() + " bank.example.com push-not-authorised 5402"), List.copyOf(audit));
    }

    @Test
    void anUnknownUeIsIdentityUnknown() throws Exception {
        ZpnClient.Refused r = (ZpnClient.Refused) zpn(client(PUSH_NAF)).gpi(new Impi("nobody@ims.test"), NAF_ID, Ptid.ofText("p"),
                Instant.now().plusSeconds(60)).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5401, r.code());
        assertTrue(audit.peek().endsWith("ue-unknown 5401"), audit.toString());
    }

    @Test
    void aPeerOfAnotherRoleIsRefusedBeforeTheBsf() throws Exception {
        DiameterNode iwf = client("mtc-iwf.operator.test");
        DiameterMessage a = iwf.sendRequest(zpn(iwf).request(SUB.impi(), NAF_ID, Ptid.ofText("p"), Instant.now().plusSeconds(60)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(3007, resultCode(a));
        assertTrue(audit.isEmpty());
    }

    /** The GPIR of the client with one AVP changed or taken out. */
    DiameterMessage edited(DiameterNode from, int code, UnaryOperator<Avp> change) {
        DiameterMessage r = zpn(from).request(SUB.impi(), NAF_ID, Ptid.ofText("p"), Instant.now().plusSeconds(60));
        DiameterMessage.Builder b = DiameterMessage.request(r.commandCode(), r.applicationId(), true);
        for (Avp a : r.avps()) {
            Avp c = a.code() == code ? change.apply(a) : a;
            if (c != null) {
                b.avp(c);
            }
        }
        return b.build();
    }

    @Test
    void badInputIsRefusedPrecisely() throws Exception {
        DiameterNode naf = client(PUSH_NAF);
        DiameterMessage missing = naf.sendRequest(edited(naf, AvpCodes.NAF_SA_IDENTIFIER, a -> null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5005, resultCode(missing));
        assertEquals(AvpCodes.NAF_SA_IDENTIFIER, missing.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0).code());
        DiameterMessage noUe = naf.sendRequest(edited(naf, AvpCodes.UE_ID, a -> null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5005, resultCode(noUe));
        DiameterMessage badEnum = naf.sendRequest(edited(naf, AvpCodes.UICC_ME, a -> TgppAvps.tgpp(AvpCodes.UICC_ME).integer32(7)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5004, resultCode(badEnum));
        DiameterMessage shortTime = naf.sendRequest(edited(naf, AvpCodes.REQUESTED_KEY_LIFETIME,
                a -> TgppAvps.tgpp(AvpCodes.REQUESTED_KEY_LIFETIME).octets(new byte[] {1, 2}))).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(resultCode(shortTime) == 5014 || resultCode(shortTime) == 5004, "" + resultCode(shortTime));
        DiameterMessage past = naf.sendRequest(edited(naf, AvpCodes.REQUESTED_KEY_LIFETIME,
                a -> TgppAvps.tgpp(AvpCodes.REQUESTED_KEY_LIFETIME).time(Instant.now().minusSeconds(5)))).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5004, resultCode(past));
        assertTrue(past.avp(AvpCodes.ERROR_MESSAGE).orElseThrow().utf8().contains("is not in the future"));
        DiameterMessage shortNaf = naf.sendRequest(edited(naf, AvpCodes.NAF_ID, a -> TgppAvps.tgpp(AvpCodes.NAF_ID).octets(new byte[] {1, 0, 0})))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5004, resultCode(shortNaf));
        assertEquals(AvpCodes.NAF_ID, shortNaf.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0).code());
        DiameterMessage longPtid = naf.sendRequest(edited(naf, AvpCodes.NAF_SA_IDENTIFIER,
                a -> TgppAvps.tgpp(AvpCodes.NAF_SA_IDENTIFIER).octets(new byte[300]))).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5004, resultCode(longPtid));
        assertTrue(longPtid.avp(AvpCodes.ERROR_MESSAGE).orElseThrow().utf8().contains("P-TID"));
        DiameterMessage gbaU = naf.sendRequest(edited(naf, AvpCodes.UICC_ME, a -> TgppAvps.tgpp(AvpCodes.UICC_ME).integer32(1)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5012, resultCode(gbaU));
        DiameterMessage publicId = naf.sendRequest(edited(naf, AvpCodes.UE_ID_TYPE, a -> TgppAvps.tgpp(AvpCodes.UE_ID_TYPE).integer32(1)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5401, experimental(publicId));
        DiameterMessage badUtf8 = naf.sendRequest(edited(naf, AvpCodes.UE_ID,
                a -> TgppAvps.tgpp(AvpCodes.UE_ID).octets(new byte[] {(byte) 0xC3, 0x28}))).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5004, resultCode(badUtf8));
        assertTrue(audit.stream().noneMatch(l -> l.contains(" served ")), audit.toString());
        assertTrue(audit.stream().noneMatch(l -> l.contains(new String(new byte[] {(byte) 0xC3, 0x28}, StandardCharsets.ISO_8859_1))));
    }
}
