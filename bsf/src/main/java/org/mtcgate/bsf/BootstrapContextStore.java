package org.mtcgate.bsf;

import org.mtcgate.gba.bootstrap.BootstrapContext;
import org.mtcgate.gba.bootstrap.Btid;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The BSF's bootstrapping contexts by B-TID (TS 33.220 4.5.2 step 6): what Zn reads to derive NAF keys. A port,
 * so that a store shared by several BSF nodes replaces the embedded one. Implementations never log Ks.
 */
public interface BootstrapContextStore {
    /** Keeps a context until it expires (or the store is full, which may drop the oldest). */
    CompletionStage<Void> put(BootstrapContext context);

    /** The context of a B-TID if it is still valid at {@code now}; an expired one is never returned. */
    CompletionStage<Optional<BootstrapContext>> find(Btid btid, Instant now);

    /** Forgets every context expired at {@code now}; a chore. */
    void sweep(Instant now);

    /** Contexts held now. */
    int size();
}
