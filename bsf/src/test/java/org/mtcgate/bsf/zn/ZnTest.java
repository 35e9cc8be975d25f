package org.mtcgate.bsf.zn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.bsf.MemoryBootstrapContextStore;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.bootstrap.BootstrapContext;
import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.Ks;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtcgate.diameter.s6m.LoopbackNodes.LOOPBACK;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/** Zn over loopback: the project's Diameter stack as NAF asks the BSF's Zn application for keys. */
class ZnTest {
    static final String BSF = "bsf.operator.test";
    static final String NAF = "naf1.operator.test";
    static final String SCS = "scs1.operator.test";
    /** gba-facts 9.2 inputs: Ks of Milenage test set 1, its RAND, the facts' IMPI. */
    static final Ks KS = Ks.ofHex("b40ba9a3c58b2a05bbf0d987b21bf8cbf769bcd751044604127672711c6d3441");
    static final Rand RAND = Rand.ofHex("23553cbe9637a89d218ae64dae47bf35");
    static final Impi IMPI = new Impi("001010000000001@ims.mnc001.mcc001.3gppnetwork.org");

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final BootstrapContext context = new BootstrapContext(Btid.of(RAND, BSF), RAND, IMPI, KS, now, now.plusSeconds(3600));
    final ConcurrentLinkedQueue<String> audit = new ConcurrentLinkedQueue<>();
    DiameterNode bsf;
    DiameterNode naf;
    DiameterNode scs;

    @BeforeEach
    void start() throws Exception {
        MemoryBootstrapContextStore store = new MemoryBootstrapContextStore(10);
        store.put(context);
        bsf = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(BSF))
                .listen(new InetSocketAddress(LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(NAF, LoopbackNodes.realm(NAF), PeerRole.NAF))
                .peer(PeerConfig.accepting(SCS, LoopbackNodes.realm(SCS), PeerRole.SCS)).build());
        bsf.registerHandler(ApplicationIds.ZN, new BsfZnApplication(store,
                new NafAuthorisation(Map.of(NAF, Set.of("naf.example.com", "app.operator.test"))), Clock.systemUTC(),
                (peer, btid, fqdn, outcome, code, reason) -> audit.add(peer + " " + btid + " " + fqdn + " " + outcome + " " + code)))
                .start();
        naf = client(NAF);
        scs = client(SCS);
    }

    private DiameterNode client(String host) throws Exception {
        DiameterNode n = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(host)).insecureLab(true)
                .peer(PeerConfig.connecting(BSF, LoopbackNodes.realm(BSF), bsf.localAddress(), PeerRole.HSS)).build());
        n.supportApplication(ApplicationIds.ZN).start();
        LoopbackNodes.awaitOpen(n, BSF);
        return n;
    }

    @AfterEach
    void stop() {
        for (DiameterNode n : new DiameterNode[] {naf, scs, bsf}) {
            if (n != null) {
                n.close();
            }
        }
    }

    static DiameterMessage bir(String origin, String btid, byte[] nafId) {
        return DiameterMessage.request(CommandCodes.BOOTSTRAPPING_INFO, ApplicationIds.ZN, true)
                .avp(BaseAvps.sessionId(origin + ";zn;" + System.nanoTime()))
                .avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.ZN))
                .avp(BaseAvps.originHost(origin))
                .avp(BaseAvps.originRealm(LoopbackNodes.realm(origin)))
                .avp(BaseAvps.destinationRealm(LoopbackNodes.realm(BSF)))
                .avp(TgppAvps.tgpp(AvpCodes.TRANSACTION_IDENTIFIER).octets(btid.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .avp(TgppAvps.tgpp(AvpCodes.NAF_ID).octets(nafId))
                .build();
    }

    DiameterMessage send(DiameterNode from, DiameterMessage request) throws Exception {
        return from.sendRequest(request).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static long experimental(DiameterMessage a) {
        return TgppAvps.child(a.avp(AvpCodes.EXPERIMENTAL_RESULT).orElseThrow().groupedAvps(), AvpCodes.EXPERIMENTAL_RESULT_CODE, 0)
                .unsigned32();
    }

    @Test
    void theNafGetsKsNafOfTheFactsVector() throws Exception {
        NafId nafId = new NafId("naf.example.com", UaSecurityProtocolId.GPL);
        DiameterMessage bia = send(naf, bir(NAF, context.btid().value(), nafId.encoded()));
        assertEquals(2001, bia.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        byte[] key = bia.avp(AvpCodes.ME_KEY_MATERIAL, VendorIds.TGPP).orElseThrow().data();
        // gba-facts 9.2 (self-computed by the facts' authors with two implementations)
        assertEquals("1ac31cf814312fc16ece9ec85d994e6d3dbbb1f37fbc6c98b999cf3aa111a484", Hex.encode(key));
        assertEquals(IMPI.value(), bia.avp(AvpCodes.USER_NAME).orElseThrow().utf8());
        Avp expiry = bia.avp(AvpCodes.KEY_EXPIRY_TIME, VendorIds.TGPP).orElseThrow();
        assertEquals(4, expiry.dataLength());
        assertTrue(bia.avp(AvpCodes.BOOTSTRAP_INFO_CREATION_TIME, VendorIds.TGPP).isPresent());
        assertEquals(0, bia.avp(AvpCodes.GBA_TYPE, VendorIds.TGPP).orElseThrow().integer32());
        assertTrue(bia.avp(AvpCodes.UICC_KEY_MATERIAL, VendorIds.TGPP).isEmpty(), "GBA_ME: no Ks_int_NAF");
        assertEquals(List.of(NAF + " " + context.btid() + " naf.example.com served 2001"), List.copyOf(audit));
    }

    @Test
    void aNafIdNotConfiguredForTheNafIsNotAuthorised() throws Exception {
        DiameterMessage bia = send(naf, bir(NAF, context.btid().value(),
                new NafId("other.example.com", UaSecurityProtocolId.HTTP_DIGEST).encoded()));
        assertEquals(5402, experimental(bia));
        assertTrue(bia.avp(AvpCodes.ME_KEY_MATERIAL, VendorIds.TGPP).isEmpty());
        assertTrue(audit.peek().endsWith("naf-not-authorised 5402"), audit.toString());
    }

    @Test
    void anUnknownBtidIsInvalid() throws Exception {
        DiameterMessage bia = send(naf, bir(NAF, "AAAAAAAAAAAAAAAAAAAAAA==@" + BSF,
                new NafId("naf.example.com", UaSecurityProtocolId.HTTP_DIGEST).encoded()));
        assertEquals(5403, experimental(bia));
    }

    @Test
    void unreadableAvpsAreRefusedWithFailedAvp() throws Exception {
        DiameterMessage shortNafId = send(naf, bir(NAF, context.btid().value(), new byte[] {1, 0, 0}));
        assertEquals(5004, shortNafId.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        assertEquals(AvpCodes.NAF_ID, shortNafId.avp(AvpCodes.FAILED_AVP).orElseThrow().groupedAvps().get(0).code());
        DiameterMessage noBtid = send(naf, bir(NAF, "no-at-sign", new NafId("naf.example.com",
                UaSecurityProtocolId.HTTP_DIGEST).encoded()));
        assertEquals(5004, noBtid.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        byte[] badUtf8 = {(byte) 0xC3, 0x28, 1, 0, 0, 0, 2};
        assertEquals(5004, send(naf, bir(NAF, context.btid().value(), badUtf8)).avp(AvpCodes.RESULT_CODE).orElseThrow()
                .unsigned32());
    }

    @Test
    void aPeerOfAnotherRoleIsRefusedBeforeTheBsf() throws Exception {
        DiameterMessage bia = send(scs, bir(SCS, context.btid().value(),
                new NafId("naf.example.com", UaSecurityProtocolId.HTTP_DIGEST).encoded()));
        assertEquals(3007, bia.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        assertTrue(audit.isEmpty(), "never reached the Zn application");
    }
}
