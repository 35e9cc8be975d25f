package org.mtcgate.diameter.zh;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.MessageValidator;
import org.mtcgate.diameter.dictionary.StandardDictionary;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.HomeAuthentication;
import org.mtcgate.gba.aka.MemoryAkaSubscriberStore;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.Usim;
import org.mtcgate.gba.aka.UsimSequenceState;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.LOOPBACK;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/** Zh over real sockets: a BSF (the project's own Diameter stack) asks the HSS for vectors that a USIM accepts. */
class ZhTest {
    static final String HSS = "hss.operator.test";
    static final String BSF = "bsf.operator.test";
    static final AkaCredentials SUB = new AkaCredentials(new Impi("262015500000001@ims.mnc001.mcc262.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));

    final LoopbackNodes nodes = new LoopbackNodes();
    final MessageValidator validator = new MessageValidator(StandardDictionary.create());
    final Usim usim = new Usim(SUB);
    HssZhApplication hss;
    DiameterNode bsf;

    @BeforeEach
    void start() throws Exception {
        HomeAuthentication home = new HomeAuthentication(new MemoryAkaSubscriberStore(List.of(SUB)),
                new AuthenticationCentre(new SecureRandom()), Amf.UMTS);
        hss = new HssZhApplication(home);
        DiameterNode hssNode = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(HSS))
                .listen(new InetSocketAddress(LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(BSF, LoopbackNodes.realm(BSF), PeerRole.BSF)).build());
        hssNode.registerHandler(ApplicationIds.ZH, hss).start();
        bsf = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(BSF)).insecureLab(true)
                .peer(PeerConfig.connecting(HSS, LoopbackNodes.realm(HSS), hssNode.localAddress(), PeerRole.HSS)).build());
        bsf.supportApplication(ApplicationIds.ZH).start();
        LoopbackNodes.awaitOpen(bsf, HSS);
    }

    @AfterEach
    void stop() {
        bsf.close();
        nodes.close();
    }

    static DiameterMessage mar(String userName, Avp... more) {
        DiameterMessage.Builder b = DiameterMessage.request(CommandCodes.MULTIMEDIA_AUTH, ApplicationIds.ZH, true)
                .avp(BaseAvps.sessionId(BSF + ";zh;" + System.nanoTime()))
                .avp(ZhAvps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost(BSF))
                .avp(BaseAvps.originRealm(LoopbackNodes.realm(BSF)))
                .avp(BaseAvps.destinationRealm(LoopbackNodes.realm(HSS)));
        if (userName != null) {
            b.avp(Avp.builder(AvpCodes.USER_NAME).mandatory().utf8(userName));
        }
        for (Avp a : more) {
            b.avp(a);
        }
        return b.build();
    }

    DiameterMessage send(DiameterMessage mar) throws Exception {
        assertTrue(validator.validateRequest(mar).isEmpty(), () -> "MAR: " + validator.validateRequest(mar));
        DiameterMessage maa = bsf.sendRequest(mar).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(validator.validateOutgoing(maa).isEmpty(), () -> "MAA: " + validator.validateOutgoing(maa));
        assertEquals(ApplicationIds.ZH, maa.applicationId());
        assertEquals(CommandCodes.MULTIMEDIA_AUTH, maa.commandCode());
        return maa;
    }

    /** RAND and AUTN of an MAA's SIP-Authenticate, with XRES, CK and IK beside them. */
    record Received(Rand rand, Autn autn, byte[] xres, byte[] ck, byte[] ik) {
        static Received of(DiameterMessage maa) {
            assertEquals(2001, maa.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
            assertEquals(SUB.impi().value(), maa.avp(AvpCodes.USER_NAME).orElseThrow().utf8());
            List<Avp> item = maa.avp(AvpCodes.SIP_AUTH_DATA_ITEM, VendorIds.TGPP).orElseThrow().groupedAvps();
            assertEquals("Digest-AKAv1-MD5", TgppAvps.child(item, AvpCodes.SIP_AUTHENTICATION_SCHEME).utf8());
            byte[] authenticate = TgppAvps.child(item, AvpCodes.SIP_AUTHENTICATE).data();
            assertEquals(32, authenticate.length);
            return new Received(new Rand(Arrays.copyOfRange(authenticate, 0, 16)), new Autn(Arrays.copyOfRange(authenticate, 16, 32)),
                    TgppAvps.child(item, AvpCodes.SIP_AUTHORIZATION).data(), TgppAvps.child(item, AvpCodes.CONFIDENTIALITY_KEY).data(),
                    TgppAvps.child(item, AvpCodes.INTEGRITY_KEY).data());
        }
    }

    @Test
    void vectorIsOneTheUsimAccepts() throws Exception {
        Received v = Received.of(send(mar(SUB.impi().value())));
        Usim.Success ok = assertInstanceOf(Usim.Success.class, usim.authenticate(UsimSequenceState.initial(), v.rand(), v.autn()));
        assertArrayEquals(v.xres(), ok.res().octets());
        assertArrayEquals(v.ck(), ok.ck().octets());
        assertArrayEquals(v.ik(), ok.ik().octets());
        assertEquals(SqnProfile.forSeq(1), ok.next().highest());

        Received second = Received.of(send(mar(SUB.impi().value())));
        assertInstanceOf(Usim.Success.class, usim.authenticate(ok.next(), second.rand(), second.autn()));
        assertEquals(2, hss.vectorCount());
    }

    @Test
    void autsResynchronisesSqn() throws Exception {
        UsimSequenceState ahead = UsimSequenceState.initial().after(SqnProfile.forSeq(700));
        Received stale = Received.of(send(mar(SUB.impi().value())));
        Usim.SyncFailure sync = assertInstanceOf(Usim.SyncFailure.class, usim.authenticate(ahead, stale.rand(), stale.autn()));

        byte[] randAuts = new byte[30];
        System.arraycopy(stale.rand().octets(), 0, randAuts, 0, 16);
        System.arraycopy(sync.auts().octets(), 0, randAuts, 16, 14);
        Received fresh = Received.of(send(mar(SUB.impi().value(), ZhAvps.resyncItem(randAuts))));
        Usim.Success ok = assertInstanceOf(Usim.Success.class, usim.authenticate(ahead, fresh.rand(), fresh.autn()));
        assertEquals(SqnProfile.forSeq(701), ok.next().highest());
        assertEquals(1, hss.resyncCount());
    }

    @Test
    void autsThatDoesNotVerifyIsRejectedAndSqnStays() throws Exception {
        Received v = Received.of(send(mar(SUB.impi().value())));
        byte[] randAuts = new byte[30];
        System.arraycopy(v.rand().octets(), 0, randAuts, 0, 16);
        DiameterMessage maa = send(mar(SUB.impi().value(), ZhAvps.resyncItem(randAuts)));
        assertEquals(4001, maa.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        Received next = Received.of(send(mar(SUB.impi().value())));
        UsimSequenceState after1 = UsimSequenceState.initial().after(SqnProfile.forSeq(1));
        Usim.Success ok = assertInstanceOf(Usim.Success.class, usim.authenticate(after1, next.rand(), next.autn()));
        assertEquals(SqnProfile.forSeq(2), ok.next().highest(), "the bad AUTS moved nothing");
    }

    @Test
    void unknownImpiIsImpiUnknown() throws Exception {
        DiameterMessage maa = send(mar("nobody@ims.mnc001.mcc262.3gppnetwork.org"));
        Avp er = maa.avp(AvpCodes.EXPERIMENTAL_RESULT).orElseThrow();
        assertEquals(VendorIds.TGPP, TgppAvps.child(er.groupedAvps(), AvpCodes.VENDOR_ID, 0).unsigned32());
        assertEquals(5401, TgppAvps.child(er.groupedAvps(), AvpCodes.EXPERIMENTAL_RESULT_CODE, 0).unsigned32());
        assertTrue(maa.avp(AvpCodes.SIP_AUTH_DATA_ITEM, VendorIds.TGPP).isEmpty());
    }

    @Test
    void malformedSipAuthorizationIsInvalidAvpValue() throws Exception {
        DiameterMessage maa = send(mar(SUB.impi().value(), ZhAvps.resyncItem(new byte[29])));
        assertEquals(5004, maa.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        Avp failed = maa.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0);
        assertEquals(AvpCodes.SIP_AUTHORIZATION, failed.code());
        assertEquals(29, failed.dataLength());
        assertEquals(0, hss.vectorCount());
    }

    @Test
    void otherSchemeIsRefusedAndNoUserNameIsMissing() throws Exception {
        Avp digest = TgppAvps.tgpp(AvpCodes.SIP_AUTH_DATA_ITEM).grouped(
                TgppAvps.tgpp(AvpCodes.SIP_AUTHENTICATION_SCHEME).utf8("SIP Digest"));
        assertEquals(5004, send(mar(SUB.impi().value(), digest)).avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        Avp impu = TgppAvps.tgpp(AvpCodes.PUBLIC_IDENTITY).utf8("sip:+491701000001@ims.test");
        assertEquals(5005, send(mar(null, impu)).avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
    }
}
