package org.mtcgate.bsf;

import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.Res;
import org.mtcgate.gba.aka.AuthenticationVector;
import org.mtcgate.gba.aka.HomeAuthentication;
import org.mtcgate.gba.bootstrap.BootstrapContext;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * The BSF's side of the bootstrapping procedure (TS 33.220 4.5.2), free of HTTP: a vector for the IMPI and a
 * challenge remembered by its RAND (steps 2-3); a resynchronisation when the UE answers AUTS (TS 33.220 4.5.2
 * with TS 33.102 6.3.5); on a right RES, Ks = CK || IK, the B-TID from RAND and the server name, the key lifetime,
 * and the context kept in the {@link BootstrapContextStore} (steps 5-6). Since anyone may ask for a challenge and
 * every fresh vector advances SEQ_HE at the HSS, a repeated request for an IMPI gets the challenge still open for
 * it, and fresh vectors are limited by the {@link FloodGuard}. Thread-safe; never blocks.
 */
public final class Bootstrapping {
    private final VectorSource vectors;
    private final BootstrapContextStore contexts;
    private final PendingChallenges pending;
    private final FloodGuard guard;
    private final String serverName;
    private final Duration keyLifetime;
    private final Clock clock;

    /**
     * @param serverName       the BSF's server name, the part of every B-TID after "@"
     * @param keyLifetime      how long a bootstrapped Ks (and every NAF key from it) lives
     * @param challengeTimeout how long an unanswered challenge is kept
     * @param maxPending       unanswered challenges kept at most
     */
    public Bootstrapping(VectorSource vectors, BootstrapContextStore contexts, String serverName, Duration keyLifetime,
                         Duration challengeTimeout, int maxPending, Clock clock) {
        this(vectors, contexts, serverName, keyLifetime, challengeTimeout,
                new FloodGuard(FloodLimits.DEFAULT.withMaxPendingChallenges(maxPending), clock), clock);
    }

    /**
     * @param serverName       the BSF's server name, the part of every B-TID after "@"
     * @param keyLifetime      how long a bootstrapped Ks (and every NAF key from it) lives
     * @param challengeTimeout how long an unanswered challenge is kept
     * @param guard            the flood limits (also the bound on unanswered challenges)
     */
    public Bootstrapping(VectorSource vectors, BootstrapContextStore contexts, String serverName, Duration keyLifetime,
                         Duration challengeTimeout, FloodGuard guard, Clock clock) {
        if (keyLifetime.isZero() || keyLifetime.isNegative()) {
            throw new IllegalArgumentException("the key lifetime must be positive");
        }
        this.vectors = vectors;
        this.contexts = contexts;
        this.pending = new PendingChallenges(guard.limits().maxPendingChallenges(), challengeTimeout);
        this.guard = guard;
        this.serverName = serverName;
        this.keyLifetime = keyLifetime;
        this.clock = clock;
    }

    /** What one step of the procedure came to. */
    public sealed interface Outcome permits Challenge, Bootstrapped, UnknownSubscriber, NoChallenge, Refused, Throttled {
    }

    /** Send this vector's RAND and AUTN to the UE (401). */
    public record Challenge(Impi impi, Rand rand, org.mtcgate.gba.Autn autn) implements Outcome {
    }

    /**
     * RES was right: the context is kept. {@code res} is what the UE proved it knows, for the BSF's own proof back
     * (Ub: rspauth); a secret like Ks.
     */
    public record Bootstrapped(BootstrapContext context, Res res) implements Outcome {
        @Override
        public String toString() {
            return "Bootstrapped[" + context.btid() + "]";
        }
    }

    /** The HSS does not know the IMPI. */
    public record UnknownSubscriber(Impi impi) implements Outcome {
    }

    /** The answer names no challenge this BSF has open for the IMPI (unknown, used or timed out). */
    public record NoChallenge(Impi impi) implements Outcome {
    }

    /** Authentication failed: RES wrong, or AUTS did not verify at the HSS. */
    public record Refused(Impi impi, String reason) implements Outcome {
    }

    /** Not served now: over a flood limit, or the BSF is at its bound; try again after the refusal's time. */
    public record Throttled(Impi impi, FloodGuard.Refusal refusal) implements Outcome {
    }

    /**
     * Steps 1-3: a challenge for the IMPI: the one still open for it if it has half its lifetime left (no new
     * vector: SEQ_HE stays), else a fresh one within the flood limits.
     */
    public CompletionStage<Outcome> challenge(Impi impi) {
        Optional<PendingChallenges.Pending> open = pending.reusable(impi, clock.instant());
        if (open.isPresent()) {
            AuthenticationVector v = open.get().vector();
            return CompletableFuture.completedFuture(new Challenge(impi, v.rand(), v.autn()));
        }
        Optional<Outcome> throttled = throttled(impi);
        return throttled.isPresent() ? CompletableFuture.completedFuture(throttled.get())
                : vectors.vector(impi).thenApply(this::challengeOf);
    }

    /** Whether a fresh vector for the IMPI must wait: its own limit, the BSF's vector rate, no room for a challenge. */
    private Optional<Outcome> throttled(Impi impi) {
        PendingChallenges.Room room = pending.room(clock.instant());
        if (!room.free()) {
            return Optional.of(new Throttled(impi, new FloodGuard.Refusal(true, "ub-busy",
                    "too many challenges are open (bsf.ub-limits.max-pending-challenges "
                            + guard.limits().maxPendingChallenges() + ")", room.until(), room.first())));
        }
        return guard.admitVector(impi).map(r -> new Throttled(impi, r));
    }

    /** One request from {@code source} (an address as text), before anything else is done for it. */
    public Optional<FloodGuard.Refusal> admitRequest(String source) {
        return guard.admitRequest(source);
    }

    /**
     * The UE found the challenge of {@code rand} out of sequence and sent AUTS: the HSS re-synchronises and the UE
     * gets a new challenge. The challenge of {@code rand} is used up either way.
     */
    public CompletionStage<Outcome> resynchronise(Impi impi, Rand rand, Auts auts) {
        if (pending.take(impi, rand, clock.instant()).isEmpty()) {
            return CompletableFuture.completedFuture(new NoChallenge(impi));
        }
        Optional<Outcome> throttled = throttled(impi);
        if (throttled.isPresent()) {
            return CompletableFuture.completedFuture(throttled.get());
        }
        return vectors.resynchronise(impi, rand, auts).thenApply(o -> o instanceof HomeAuthentication.ResyncRefused
                ? new Refused(impi, "AUTS does not verify at the HSS")
                : challengeOf(o));
    }

    /**
     * Steps 4-6: the UE's answer to the challenge of {@code rand}. {@code resMatches} tells whether what the UE
     * computed agrees with XRES (for Ub: the Digest response with XRES as password). Used up either way.
     */
    public CompletionStage<Outcome> answer(Impi impi, Rand rand, Predicate<Res> resMatches) {
        Optional<PendingChallenges.Pending> p = pending.take(impi, rand, clock.instant());
        if (p.isEmpty()) {
            return CompletableFuture.completedFuture(new NoChallenge(impi));
        }
        AuthenticationVector v = p.get().vector();
        if (!resMatches.test(v.xres())) {
            return CompletableFuture.completedFuture(new Refused(impi, "the response does not match XRES"));
        }
        BootstrapContext context = BootstrapContext.of(v, impi, serverName, clock.instant(), keyLifetime);
        return contexts.put(context).thenApply(done -> new Bootstrapped(context, v.xres()));
    }

    /** Forgets timed-out challenges and expired contexts; a chore. */
    public void sweep() {
        pending.sweep(clock.instant());
        contexts.sweep(clock.instant());
        guard.sweep();
    }

    /** Challenges sent and not answered yet. */
    public int pendingCount() {
        return pending.size();
    }

    public String serverName() {
        return serverName;
    }

    private Outcome challengeOf(HomeAuthentication.Outcome o) {
        if (o instanceof HomeAuthentication.Issued issued) {
            pending.add(issued.impi(), issued.vector(), clock.instant());
            return new Challenge(issued.impi(), issued.vector().rand(), issued.vector().autn());
        }
        if (o instanceof HomeAuthentication.UnknownSubscriber u) {
            return new UnknownSubscriber(u.impi());
        }
        HomeAuthentication.ResyncRefused r = (HomeAuthentication.ResyncRefused) o;
        return new Refused(r.impi(), "AUTS does not verify at the HSS");
    }
}
