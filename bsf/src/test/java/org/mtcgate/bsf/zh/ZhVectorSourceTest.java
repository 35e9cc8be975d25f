package org.mtcgate.bsf.zh;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtcgate.bsf.Bootstrapping;
import org.mtcgate.bsf.MemoryBootstrapContextStore;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.LoopbackNodes;
import org.mtcgate.diameter.zh.HssZhApplication;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Auts;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mtcgate.diameter.s6m.LoopbackNodes.LOOPBACK;
import static org.mtcgate.diameter.s6m.LoopbackNodes.WAIT_SECONDS;

/** The BSF's vectors over Zh from the project's HSS side of Zh, on loopback: issue, unknown IMPI, resynchronisation. */
class ZhVectorSourceTest {
    static final String HSS = "hss.operator.test";
    static final String BSF = "bsf.operator.test";
    static final AkaCredentials SUB = new AkaCredentials(new Impi("001010000000001@ims.mnc001.mcc001.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));

    DiameterNode hss;
    DiameterNode bsf;
    ZhVectorSource zh;

    @BeforeEach
    void start() throws Exception {
        hss = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(HSS))
                .listen(new InetSocketAddress(LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(BSF, LoopbackNodes.realm(BSF), PeerRole.BSF)).build());
        hss.registerHandler(ApplicationIds.ZH, new HssZhApplication(new HomeAuthentication(new MemoryAkaSubscriberStore(List.of(SUB)),
                new AuthenticationCentre(new SecureRandom()), Amf.UMTS))).start();
        bsf = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(BSF)).insecureLab(true)
                .peer(PeerConfig.connecting(HSS, LoopbackNodes.realm(HSS), hss.localAddress(), PeerRole.HSS)).build());
        bsf.supportApplication(ApplicationIds.ZH).start();
        LoopbackNodes.awaitOpen(bsf, HSS);
        zh = new ZhVectorSource(bsf, HSS, LoopbackNodes.realm(HSS));
    }

    @AfterEach
    void stop() {
        for (DiameterNode n : new DiameterNode[] {bsf, hss}) {
            if (n != null) {
                n.close();
            }
        }
    }

    HomeAuthentication.Outcome get(java.util.concurrent.CompletionStage<HomeAuthentication.Outcome> s) throws Exception {
        return s.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aVectorOverZhBootstrapsTheUsim() throws Exception {
        Bootstrapping b = new Bootstrapping(zh, new MemoryBootstrapContextStore(10), BSF, Duration.ofHours(1),
                Duration.ofMinutes(1), 100, Clock.systemUTC());
        Bootstrapping.Challenge c = assertInstanceOf(Bootstrapping.Challenge.class,
                b.challenge(SUB.impi()).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
        Usim.Success s = assertInstanceOf(Usim.Success.class, new Usim(SUB).authenticate(UsimSequenceState.initial(), c.rand(), c.autn()));
        assertEquals(SqnProfile.forSeq(1), s.next().highest());
        assertInstanceOf(Bootstrapping.Bootstrapped.class, b.answer(SUB.impi(), c.rand(), s.res()::equals)
                .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS), "XRES came over Zh intact");
    }

    @Test
    void anUnknownImpiIsAnUnknownSubscriber() throws Exception {
        assertInstanceOf(HomeAuthentication.UnknownSubscriber.class, get(zh.vector(new Impi("nobody@ims.example"))));
    }

    @Test
    void autsResynchronisesAtTheHssAndABadOneIsRefused() throws Exception {
        HomeAuthentication.Issued first = assertInstanceOf(HomeAuthentication.Issued.class, get(zh.vector(SUB.impi())));
        UsimSequenceState ahead = UsimSequenceState.initial().after(SqnProfile.forSeq(5000));
        Usim.SyncFailure f = assertInstanceOf(Usim.SyncFailure.class,
                new Usim(SUB).authenticate(ahead, first.vector().rand(), first.vector().autn()));
        HomeAuthentication.Issued again = assertInstanceOf(HomeAuthentication.Issued.class,
                get(zh.resynchronise(SUB.impi(), first.vector().rand(), f.auts())));
        Usim.Success s = assertInstanceOf(Usim.Success.class,
                new Usim(SUB).authenticate(ahead, again.vector().rand(), again.vector().autn()));
        assertEquals(SqnProfile.forSeq(5001), s.next().highest());
        byte[] bad = f.auts().octets();
        bad[13] ^= 1;
        assertInstanceOf(HomeAuthentication.ResyncRefused.class,
                get(zh.resynchronise(SUB.impi(), first.vector().rand(), new Auts(bad))));
    }
}
