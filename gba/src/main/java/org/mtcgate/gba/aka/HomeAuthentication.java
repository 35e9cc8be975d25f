package org.mtcgate.gba.aka;

import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.Sqn;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The HSS/AuC procedure behind Zh: a vector for an IMPI from the store's credentials and a SEQ it gives out, and
 * re-synchronisation (TS 33.102 6.3.5): SQN_MS recovered from RAND || AUTS, SEQ_HE reset to it, then a new vector.
 */
public final class HomeAuthentication {
    private final AkaSubscriberStore store;
    private final AuthenticationCentre centre;
    private final Amf amf;

    public HomeAuthentication(AkaSubscriberStore store, AuthenticationCentre centre, Amf amf) {
        this.store = store;
        this.centre = centre;
        this.amf = amf;
    }

    /** What a request for a vector came to. */
    public sealed interface Outcome permits Issued, UnknownSubscriber, ResyncRefused {
    }

    public record Issued(Impi impi, Sqn sqn, AuthenticationVector vector) implements Outcome {
    }

    public record UnknownSubscriber(Impi impi) implements Outcome {
    }

    /** MAC-S of the AUTS did not verify: SEQ_HE is left alone and no vector is made. */
    public record ResyncRefused(Impi impi) implements Outcome {
    }

    public CompletionStage<Outcome> vector(Impi impi) {
        return store.credentials(impi).thenCompose(c -> c.isEmpty()
                ? CompletableFuture.completedFuture(new UnknownSubscriber(impi))
                : issue(c.get(), OptionalLong.empty()));
    }

    public CompletionStage<Outcome> resynchronise(Impi impi, Rand rand, Auts auts) {
        return store.credentials(impi).thenCompose(c -> {
            if (c.isEmpty()) {
                return CompletableFuture.completedFuture(new UnknownSubscriber(impi));
            }
            Optional<Sqn> sqnMs = AuthenticationCentre.recover(c.get(), rand, auts);
            return sqnMs.isEmpty()
                    ? CompletableFuture.completedFuture(new ResyncRefused(impi))
                    : issue(c.get(), OptionalLong.of(sqnMs.get().seq()));
        });
    }

    private CompletionStage<Outcome> issue(AkaCredentials c, OptionalLong resyncTo) {
        return store.nextSeq(c.impi(), resyncTo).thenApply(seq -> {
            Sqn sqn = SqnProfile.forSeq(seq);
            return new Issued(c.impi(), sqn, centre.vector(c, sqn, amf));
        });
    }
}
