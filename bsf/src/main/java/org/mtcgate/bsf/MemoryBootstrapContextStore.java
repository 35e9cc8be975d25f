package org.mtcgate.bsf;

import org.mtcgate.gba.bootstrap.BootstrapContext;
import org.mtcgate.gba.bootstrap.Btid;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The embedded {@link BootstrapContextStore}: at most {@code capacity} contexts in memory, oldest first out when
 * full (after the expired ones), lost on a restart (the UE then bootstraps again, TS 33.220 4.5.3: the NAF tells
 * it that the B-TID is unknown).
 */
public final class MemoryBootstrapContextStore implements BootstrapContextStore {
    private final int capacity;
    private final LinkedHashMap<Btid, BootstrapContext> contexts = new LinkedHashMap<>();
    private final LongAdder evicted = new LongAdder();

    public MemoryBootstrapContextStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    public CompletionStage<Void> put(BootstrapContext context) {
        synchronized (contexts) {
            contexts.remove(context.btid());
            if (contexts.size() >= capacity) {
                sweepLocked(context.createdAt());
            }
            if (contexts.size() >= capacity) {
                Iterator<BootstrapContext> oldest = contexts.values().iterator();
                oldest.next();
                oldest.remove();
                evicted.increment();
            }
            contexts.put(context.btid(), context);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<BootstrapContext>> find(Btid btid, Instant now) {
        synchronized (contexts) {
            BootstrapContext c = contexts.get(btid);
            if (c != null && !c.validAt(now)) {
                contexts.remove(btid);
                c = null;
            }
            return CompletableFuture.completedFuture(Optional.ofNullable(c));
        }
    }

    @Override
    public void sweep(Instant now) {
        synchronized (contexts) {
            sweepLocked(now);
        }
    }

    private void sweepLocked(Instant now) {
        for (Iterator<Map.Entry<Btid, BootstrapContext>> i = contexts.entrySet().iterator(); i.hasNext(); ) {
            if (!i.next().getValue().validAt(now)) {
                i.remove();
            }
        }
    }

    @Override
    public int size() {
        synchronized (contexts) {
            return contexts.size();
        }
    }

    /** Valid contexts dropped because the store was full. */
    public long evictedCount() {
        return evicted.sum();
    }
}
