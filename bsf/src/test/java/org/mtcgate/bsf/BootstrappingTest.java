package org.mtcgate.bsf;

import org.junit.jupiter.api.Test;
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
import org.mtcgate.gba.bootstrap.BootstrapContext;
import org.mtcgate.gba.bootstrap.Btid;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrappingTest {
    static final AkaCredentials SUB = new AkaCredentials(new Impi("001010000000001@ims.mnc001.mcc001.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    final MemoryBootstrapContextStore store = new MemoryBootstrapContextStore(10);
    final Bootstrapping bsf = new Bootstrapping(VectorSource.of(new HomeAuthentication(new MemoryAkaSubscriberStore(List.of(SUB)),
            new AuthenticationCentre(new SecureRandom()), Amf.UMTS)), store, "bsf.example", Duration.ofHours(1),
            Duration.ofMinutes(1), 100, Clock.fixed(NOW, ZoneOffset.UTC));
    final Usim usim = new Usim(SUB);

    @Test
    void aRightResBootstrapsAndTheContextIsKept() throws Exception {
        Bootstrapping.Challenge c = challenge();
        Usim.Success s = assertInstanceOf(Usim.Success.class, usim.authenticate(UsimSequenceState.initial(), c.rand(), c.autn()));
        Bootstrapping.Bootstrapped b = assertInstanceOf(Bootstrapping.Bootstrapped.class,
                bsf.answer(SUB.impi(), c.rand(), s.res()::equals).toCompletableFuture().get());
        BootstrapContext ctx = b.context();
        assertEquals(Btid.of(c.rand(), "bsf.example"), ctx.btid());
        assertEquals(NOW.plus(Duration.ofHours(1)), ctx.expiresAt());
        assertEquals(Optional.of(ctx), store.find(ctx.btid(), NOW).toCompletableFuture().get());
        assertTrue(store.find(ctx.btid(), ctx.expiresAt()).toCompletableFuture().get().isEmpty(), "expired contexts are not found");
        assertInstanceOf(Bootstrapping.NoChallenge.class, bsf.answer(SUB.impi(), c.rand(), s.res()::equals)
                .toCompletableFuture().get(), "a challenge is answered once");
    }

    @Test
    void aWrongResIsRefusedAndUsesTheChallengeUp() throws Exception {
        Bootstrapping.Challenge c = challenge();
        Bootstrapping.Refused r = assertInstanceOf(Bootstrapping.Refused.class,
                bsf.answer(SUB.impi(), c.rand(), res -> false).toCompletableFuture().get());
        assertEquals("the response does not match XRES", r.reason());
        assertEquals(0, store.size());
        assertEquals(0, bsf.pendingCount());
    }

    @Test
    void anotherImpiCannotAnswerTheChallenge() throws Exception {
        Bootstrapping.Challenge c = challenge();
        assertInstanceOf(Bootstrapping.NoChallenge.class,
                bsf.answer(new Impi("other@ims.example"), c.rand(), res -> true).toCompletableFuture().get());
        assertEquals(1, bsf.pendingCount(), "the subscriber's own challenge stays open");
    }

    @Test
    void autsResynchronisesAndTheNextChallengeIsAccepted() throws Exception {
        // the USIM has seen SEQ 1000 already; the HSS starts at 1, older than the USIM's age limit
        UsimSequenceState ahead = UsimSequenceState.initial().after(SqnProfile.forSeq(1000));
        Bootstrapping.Challenge c = challenge();
        Usim.SyncFailure f = assertInstanceOf(Usim.SyncFailure.class, usim.authenticate(ahead, c.rand(), c.autn()));
        Bootstrapping.Challenge again = assertInstanceOf(Bootstrapping.Challenge.class,
                bsf.resynchronise(SUB.impi(), c.rand(), f.auts()).toCompletableFuture().get());
        Usim.Success s = assertInstanceOf(Usim.Success.class, usim.authenticate(ahead, again.rand(), again.autn()));
        assertEquals(SqnProfile.forSeq(1001), s.next().highest());
        assertInstanceOf(Bootstrapping.Bootstrapped.class,
                bsf.answer(SUB.impi(), again.rand(), s.res()::equals).toCompletableFuture().get());
    }

    @Test
    void unknownSubscriber() throws Exception {
        assertInstanceOf(Bootstrapping.UnknownSubscriber.class,
                bsf.challenge(new Impi("nobody@ims.example")).toCompletableFuture().get());
    }

    private Bootstrapping.Challenge challenge() throws Exception {
        return assertInstanceOf(Bootstrapping.Challenge.class, bsf.challenge(SUB.impi()).toCompletableFuture().get());
    }
}
