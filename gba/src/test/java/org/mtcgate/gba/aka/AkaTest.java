package org.mtcgate.gba.aka;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.Sqn;
import org.mtcgate.gba.SubscriberKey;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AkaTest {
    private static final AkaCredentials SUB = new AkaCredentials(new Impi("262015500000001@ims.mnc001.mcc262.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));
    private static final Rand RAND = Rand.ofHex("23553cbe9637a89d218ae64dae47bf35");

    private final AuthenticationCentre centre = new AuthenticationCentre(new SecureRandom());
    private final Usim usim = new Usim(SUB);

    @Test
    void vectorOfTestSet1() {
        AuthenticationVector v = AuthenticationCentre.vector(SUB, Sqn.ofHex("ff9bb4d0b607"), Amf.ofHex("b9b9"), RAND);
        assertEquals(Autn.ofHex("55f328b43577b9b94a9ffac354dfafb3"), v.autn());
        assertEquals("a54211d5e3ba50bf", Hex.encode(v.xres().octets()));
        assertEquals("b40ba9a3c58b2a05bbf0d987b21bf8cb", Hex.encode(v.ck().octets()));
        assertEquals("f769bcd751044604127672711c6d3441", Hex.encode(v.ik().octets()));
        assertFalse(v.toString().contains("a54211"));
    }

    @Test
    void usimAcceptsAFreshVectorAndAgreesOnKeys() {
        AuthenticationVector v = centre.vector(SUB, SqnProfile.forSeq(1), Amf.UMTS);
        Usim.Success ok = assertInstanceOf(Usim.Success.class, usim.authenticate(UsimSequenceState.initial(), v.rand(), v.autn()));
        assertEquals(v.xres(), ok.res());
        assertEquals(v.ck(), ok.ck());
        assertEquals(v.ik(), ok.ik());
        assertEquals(SqnProfile.forSeq(1), ok.next().highest());
        assertFalse(v.autn().amf().separationBit(), "a GBA vector is a UMTS vector: separation bit 0");
    }

    @Test
    void replayedVectorGivesAutsThatTheNetworkReads() {
        AuthenticationVector v = centre.vector(SUB, SqnProfile.forSeq(40), Amf.UMTS);
        UsimSequenceState state = ((Usim.Success) usim.authenticate(UsimSequenceState.initial(), v.rand(), v.autn())).next();
        Usim.SyncFailure sync = assertInstanceOf(Usim.SyncFailure.class, usim.authenticate(state, v.rand(), v.autn()));
        assertEquals(SqnProfile.forSeq(40), AuthenticationCentre.recover(SUB, v.rand(), sync.auts()).orElseThrow());
    }

    @Test
    void tamperedAutsIsNotBelieved() {
        byte[] auts = centreAuts();
        auts[13] ^= 1;
        assertTrue(AuthenticationCentre.recover(SUB, RAND, new Auts(auts)).isEmpty());
    }

    private byte[] centreAuts() {
        AuthenticationVector v = AuthenticationCentre.vector(SUB, SqnProfile.forSeq(3), Amf.UMTS, RAND);
        UsimSequenceState state = ((Usim.Success) usim.authenticate(UsimSequenceState.initial(), v.rand(), v.autn())).next();
        return ((Usim.SyncFailure) usim.authenticate(state, v.rand(), v.autn())).auts().octets();
    }

    @Test
    void wrongKeyIsAMacFailure() {
        AkaCredentials other = new AkaCredentials(SUB.impi(), SubscriberKey.ofHex("000102030405060708090a0b0c0d0e0f"), SUB.opc());
        AuthenticationVector v = centre.vector(other, SqnProfile.forSeq(1), Amf.UMTS);
        assertInstanceOf(Usim.MacFailure.class, usim.authenticate(UsimSequenceState.initial(), v.rand(), v.autn()));
    }

    @Test
    void outOfOrderWithinTheIndSlotsIsAcceptedButNotTwice() {
        UsimSequenceState s = UsimSequenceState.initial().after(SqnProfile.forSeq(1000));
        assertTrue(s.accepts(SqnProfile.forSeq(999)), "another IND slot");
        s = s.after(SqnProfile.forSeq(999));
        assertFalse(s.accepts(SqnProfile.forSeq(999)));
        assertFalse(s.accepts(SqnProfile.forSeq(1000)));
        assertEquals(SqnProfile.forSeq(1000), s.highest());
        assertFalse(s.accepts(SqnProfile.forSeq(1000 - 32)), "same slot, older");
        assertTrue(s.accepts(SqnProfile.forSeq(1000 - SqnProfile.AGE_LIMIT + 1)));
        assertFalse(s.accepts(SqnProfile.forSeq(1000 - SqnProfile.AGE_LIMIT - 1)), "beyond the age limit");
        assertTrue(s.accepts(SqnProfile.forSeq(1000 + SqnProfile.DELTA)));
        assertFalse(s.accepts(SqnProfile.forSeq(1000 + SqnProfile.DELTA + 1)), "beyond delta");
    }

    @Test
    void homeIssuesIncreasingSqnsAndResynchronises() {
        MemoryAkaSubscriberStore store = new MemoryAkaSubscriberStore(List.of(SUB));
        HomeAuthentication home = new HomeAuthentication(store, centre, Amf.UMTS);
        HomeAuthentication.Issued first = (HomeAuthentication.Issued) home.vector(SUB.impi()).toCompletableFuture().join();
        HomeAuthentication.Issued second = (HomeAuthentication.Issued) home.vector(SUB.impi()).toCompletableFuture().join();
        assertEquals(1, first.sqn().seq());
        assertEquals(2, second.sqn().seq());
        assertNotEquals(first.vector().rand(), second.vector().rand());

        // The USIM has seen SEQ 500 elsewhere (another HE state, a restored backup): the next vector is stale.
        UsimSequenceState state = UsimSequenceState.initial().after(SqnProfile.forSeq(500));
        HomeAuthentication.Issued stale = (HomeAuthentication.Issued) home.vector(SUB.impi()).toCompletableFuture().join();
        Usim.SyncFailure sync = assertInstanceOf(Usim.SyncFailure.class,
                usim.authenticate(state, stale.vector().rand(), stale.vector().autn()));
        HomeAuthentication.Issued fresh = (HomeAuthentication.Issued) home
                .resynchronise(SUB.impi(), stale.vector().rand(), sync.auts()).toCompletableFuture().join();
        assertEquals(501, fresh.sqn().seq());
        assertInstanceOf(Usim.Success.class, usim.authenticate(state, fresh.vector().rand(), fresh.vector().autn()));

        assertInstanceOf(HomeAuthentication.UnknownSubscriber.class,
                home.vector(new Impi("nobody@example.com")).toCompletableFuture().join());
        byte[] bad = sync.auts().octets();
        bad[0] ^= 1;
        assertInstanceOf(HomeAuthentication.ResyncRefused.class,
                home.resynchronise(SUB.impi(), stale.vector().rand(), new Auts(bad)).toCompletableFuture().join());
    }
}
