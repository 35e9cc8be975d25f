package org.mtcgate.bsf;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.MutableClock;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.HomeAuthentication;
import org.mtcgate.gba.aka.MemoryAkaSubscriberStore;
import org.mtcgate.gba.aka.Usim;
import org.mtcgate.gba.aka.UsimSequenceState;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flood limits of bootstrapping, on a clock the test moves: reuse of open challenges, buckets, bounds. */
class FloodLimitsTest {
    static final Impi OTHER = new Impi("001010000000002@ims.mnc001.mcc001.3gppnetwork.org");

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    final AtomicInteger fetched = new AtomicInteger();

    Bootstrapping bsf(FloodLimits limits) {
        HomeAuthentication home = new HomeAuthentication(new MemoryAkaSubscriberStore(List.of(BootstrappingTest.SUB,
                new org.mtcgate.gba.aka.AkaCredentials(OTHER, BootstrappingTest.SUB.k(), BootstrappingTest.SUB.opc()))),
                new AuthenticationCentre(new SecureRandom()), Amf.UMTS);
        VectorSource counting = new VectorSource() {
            @Override
            public java.util.concurrent.CompletionStage<HomeAuthentication.Outcome> vector(Impi impi) {
                fetched.incrementAndGet();
                return home.vector(impi);
            }

            @Override
            public java.util.concurrent.CompletionStage<HomeAuthentication.Outcome> resynchronise(Impi impi,
                    org.mtcgate.gba.Rand rand, org.mtcgate.gba.Auts auts) {
                fetched.incrementAndGet();
                return home.resynchronise(impi, rand, auts);
            }
        };
        return new Bootstrapping(counting, new MemoryBootstrapContextStore(10), "bsf.example", Duration.ofHours(1),
                Duration.ofMinutes(1), new FloodGuard(limits, clock), clock);
    }

    static FloodLimits limits(double impiPerSecond, int impiBurst, int maxPending) {
        return new FloodLimits(new FloodLimits.Rate(1000, 1000), new FloodLimits.Rate(impiPerSecond, impiBurst),
                new FloodLimits.Rate(1000, 1000), 100, maxPending);
    }

    Bootstrapping.Outcome challenge(Bootstrapping b, Impi impi) throws Exception {
        return b.challenge(impi).toCompletableFuture().get();
    }

    @Test
    void aRepeatedFirstRequestGetsTheOpenChallengeNotAFreshVector() throws Exception {
        Bootstrapping b = bsf(limits(0.05, 20, 100));
        Bootstrapping.Challenge first = assertInstanceOf(Bootstrapping.Challenge.class, challenge(b, BootstrappingTest.SUB.impi()));
        for (int i = 0; i < 500; i++) {
            assertEquals(first, challenge(b, BootstrappingTest.SUB.impi()));
        }
        assertEquals(1, fetched.get(), "one vector, so SEQ_HE moved by one");
        Usim.Success s = assertInstanceOf(Usim.Success.class,
                new Usim(BootstrappingTest.SUB).authenticate(UsimSequenceState.initial(), first.rand(), first.autn()));
        assertInstanceOf(Bootstrapping.Bootstrapped.class,
                b.answer(BootstrappingTest.SUB.impi(), first.rand(), s.res()::equals).toCompletableFuture().get());

        clock.advance(Duration.ofSeconds(31));
        Bootstrapping.Challenge late = assertInstanceOf(Bootstrapping.Challenge.class, challenge(b, BootstrappingTest.SUB.impi()));
        clock.advance(Duration.ofSeconds(31));
        Bootstrapping.Challenge fresh = assertInstanceOf(Bootstrapping.Challenge.class, challenge(b, BootstrappingTest.SUB.impi()));
        assertFalse(late.equals(fresh), "less than half its life left: a fresh challenge, so the answer still finds it");
        assertEquals(3, fetched.get());
    }

    @Test
    void freshVectorsPerImpiAreLimitedAndRefillWithTime() throws Exception {
        Bootstrapping b = bsf(limits(0.1, 3, 100));
        int throttled = 0;
        for (int i = 0; i < 50; i++) {
            Bootstrapping.Outcome o = challenge(b, BootstrappingTest.SUB.impi());
            if (o instanceof Bootstrapping.Challenge c) {
                // an attacker uses the challenge up with a wrong answer, so the next request needs a fresh vector
                b.answer(BootstrappingTest.SUB.impi(), c.rand(), res -> false).toCompletableFuture().get();
            } else {
                Bootstrapping.Throttled t = assertInstanceOf(Bootstrapping.Throttled.class, o);
                assertFalse(t.refusal().busy());
                assertEquals("ub-rate-impi", t.refusal().rule());
                assertEquals(throttled == 0, t.refusal().first(), "the first refusal of the episode is marked, once");
                assertEquals(10, t.refusal().retryAfterSeconds());
                throttled++;
            }
        }
        assertEquals(3, fetched.get(), "the burst, no more");
        assertEquals(47, throttled);
        assertInstanceOf(Bootstrapping.Challenge.class, challenge(b, OTHER), "another IMPI has its own bucket");
        clock.advance(Duration.ofSeconds(10));
        assertInstanceOf(Bootstrapping.Challenge.class, challenge(b, BootstrappingTest.SUB.impi()), "a token after 10 s");
        assertEquals(5, fetched.get());
    }

    @Test
    void theOpenChallengesAreBoundedAndAFullTableRefusesRatherThanEvicts() throws Exception {
        Bootstrapping b = bsf(limits(1000, 1000, 1));
        Bootstrapping.Challenge held = assertInstanceOf(Bootstrapping.Challenge.class, challenge(b, BootstrappingTest.SUB.impi()));
        Bootstrapping.Throttled t = assertInstanceOf(Bootstrapping.Throttled.class, challenge(b, OTHER));
        assertTrue(t.refusal().busy());
        assertEquals("ub-busy", t.refusal().rule());
        assertEquals(60, t.refusal().retryAfterSeconds(), "until the open one times out");
        assertEquals(1, b.pendingCount());
        assertEquals(held, challenge(b, BootstrappingTest.SUB.impi()), "the held challenge is still there");
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(Bootstrapping.Challenge.class, challenge(b, OTHER), "room again once it timed out");
    }

    @Test
    void requestsPerSourceAndTrackedSourcesAreBounded() {
        FloodGuard g = new FloodGuard(new FloodLimits(new FloodLimits.Rate(1, 2), new FloodLimits.Rate(1, 1),
                new FloodLimits.Rate(1, 1), 2, 10), clock);
        assertTrue(g.admitRequest("192.0.2.1").isEmpty());
        assertTrue(g.admitRequest("192.0.2.1").isEmpty());
        FloodGuard.Refusal r = g.admitRequest("192.0.2.1").orElseThrow();
        assertEquals("ub-rate-source", r.rule());
        assertFalse(r.busy());
        assertEquals(1, r.retryAfterSeconds());
        assertFalse(g.admitRequest("192.0.2.1").orElseThrow().first(), "one audit record per episode");
        assertTrue(g.admitRequest("192.0.2.2").isEmpty());
        g.admitRequest("192.0.2.2");
        FloodGuard.Refusal full = g.admitRequest("192.0.2.3").orElseThrow();
        assertTrue(full.busy(), "a third source while two are limited: the table is full, nobody is forgotten");
        clock.advance(Duration.ofSeconds(2));
        assertTrue(g.admitRequest("192.0.2.3").isEmpty(), "refilled buckets make room");
        assertEquals(1, g.trackedCount(), "the refilled ones were dropped");
    }

    @Test
    void theBsfWideVectorRateBoundsEveryImpiTogether() {
        FloodGuard g = new FloodGuard(new FloodLimits(new FloodLimits.Rate(1, 1), new FloodLimits.Rate(100, 100),
                new FloodLimits.Rate(1, 2), 100, 10), clock);
        assertTrue(g.admitVector(BootstrappingTest.SUB.impi()).isEmpty());
        assertTrue(g.admitVector(OTHER).isEmpty());
        FloodGuard.Refusal r = g.admitVector(new Impi("x@ims.example")).orElseThrow();
        assertTrue(r.busy());
        assertEquals("ub-busy", r.rule());
    }
}
