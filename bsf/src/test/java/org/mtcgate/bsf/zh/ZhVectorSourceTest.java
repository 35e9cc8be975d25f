package org.mtcgate.bsf.zh;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.diameter.zh.HssZhApplication;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mtcgate.diameter.s6m.LoopbackNodes.LOOPBACK;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/** The BSF's vectors over Zh from the project's HSS application on another Diameter node, on loopback. */
class ZhVectorSourceTest {
    static final String HSS = "hss.operator.test";
    static final String BSF = "bsf.operator.test";
    static final AkaCredentials SUB = new AkaCredentials(new Impi("262015500000001@ims.mnc001.mcc262.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));

    DiameterNode hss;
    DiameterNode bsf;
    ZhVectorSource zh;

    @BeforeEach
    void start() throws Exception {
        hss = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(HSS)).listen(new InetSocketAddress(LOOPBACK, 0))
                .insecureLab(true).peer(PeerConfig.accepting(BSF, LoopbackNodes.realm(BSF), PeerRole.BSF)).build());
        hss.registerHandler(ApplicationIds.ZH, new HssZhApplication(new HomeAuthentication(new MemoryAkaSubscriberStore(List.of(SUB)),
                new AuthenticationCentre(new SecureRandom()), Amf.UMTS))).start();
        bsf = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(BSF)).insecureLab(true)
                .peer(PeerConfig.connecting(HSS, LoopbackNodes.realm(HSS), hss.localAddress(), PeerRole.HSS)).build());
        bsf.supportApplication(ApplicationIds.ZH).start();
        LoopbackNodes.awaitOpen(bsf, HSS);
        zh = new ZhVectorSource(bsf, LoopbackNodes.realm(HSS), Optional.of(HSS));
    }

    @AfterEach
    void stop() {
        bsf.close();
        hss.close();
    }

    @Test
    void aVectorTheUsimAccepts() throws Exception {
        HomeAuthentication.Issued issued = assertInstanceOf(HomeAuthentication.Issued.class,
                zh.vector(SUB.impi()).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(SUB.impi(), issued.impi());
        Usim.Success ok = assertInstanceOf(Usim.Success.class, new Usim(SUB).authenticate(UsimSequenceState.initial(),
                issued.vector().rand(), issued.vector().autn()));
        assertEquals(issued.vector().ck(), ok.ck());
        assertEquals(issued.vector().xres(), ok.res());
    }

    @Test
    void anUnknownImpiAndAResynchronisation() throws Exception {
        assertInstanceOf(HomeAuthentication.UnknownSubscriber.class,
                zh.vector(new Impi("nobody@ims.test")).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
        HomeAuthentication.Issued first = (HomeAuthentication.Issued) zh.vector(SUB.impi()).toCompletableFuture()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        UsimSequenceState ahead = UsimSequenceState.initial().after(SqnProfile.forSeq(500));
        Usim.SyncFailure sync = assertInstanceOf(Usim.SyncFailure.class,
                new Usim(SUB).authenticate(ahead, first.vector().rand(), first.vector().autn()));
        HomeAuthentication.Issued after = assertInstanceOf(HomeAuthentication.Issued.class, zh.resynchronise(SUB.impi(),
                first.vector().rand(), sync.auts()).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(Usim.Success.class, new Usim(SUB).authenticate(ahead, after.vector().rand(), after.vector().autn()));
        byte[] bad = sync.auts().octets();
        bad[13] ^= 1;
        assertInstanceOf(HomeAuthentication.ResyncRefused.class, zh.resynchronise(SUB.impi(), first.vector().rand(),
                new org.mtcgate.gba.Auts(bad)).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
}
