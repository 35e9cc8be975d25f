package org.mtcgate.gba.aka;

import org.mtcgate.gba.Impi;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * The HSS's AKA data: each subscriber's credentials and SEQ_HE. A port, so that a store shared by several nodes
 * replaces the embedded one. Implementations never log K or OPc.
 */
public interface AkaSubscriberStore {
    /** The subscriber's credentials, or empty when the IMPI is unknown. */
    CompletionStage<Optional<AkaCredentials>> credentials(Impi impi);

    /**
     * Gives out the next SEQ: SEQ_HE := (resyncTo if given, else SEQ_HE) + 1, atomically for the IMPI and durably
     * before the stage completes, so that no SEQ is handed out twice, not even across a restart. Completes with
     * the new SEQ_HE, or exceptionally with {@link UnknownSubscriberException}.
     */
    CompletionStage<Long> nextSeq(Impi impi, OptionalLong resyncTo);
}
