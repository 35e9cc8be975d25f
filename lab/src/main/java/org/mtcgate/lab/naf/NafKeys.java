package org.mtcgate.lab.naf;

import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.NafId;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ks_NAF by B-TID as the NAF keeps them (TS 33.220 4.5.3: the NAF stores the key with its lifetime and asks the
 * BSF only for a B-TID it does not hold): from Zn on a miss, kept until Key-ExpiryTime, at most {@code capacity}.
 */
final class NafKeys {
    private final ZnClient zn;
    private final NafId naf;
    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<Btid, ZnClient.Granted> held = new LinkedHashMap<>();
    private final LongAdder fetched = new LongAdder();

    NafKeys(ZnClient zn, NafId naf, int capacity, Clock clock) {
        this.zn = zn;
        this.naf = naf;
        this.capacity = capacity;
        this.clock = clock;
    }

    CompletionStage<ZnClient.Result> keyFor(Btid btid) {
        synchronized (held) {
            ZnClient.Granted g = held.get(btid);
            if (g != null && clock.instant().isBefore(g.expiresAt())) {
                return CompletableFuture.completedFuture(g);
            }
            held.remove(btid);
        }
        fetched.increment();
        return zn.keyFor(btid, naf).thenApply(r -> {
            if (r instanceof ZnClient.Granted g) {
                synchronized (held) {
                    if (held.size() >= capacity) {
                        Iterator<ZnClient.Granted> oldest = held.values().iterator();
                        oldest.next();
                        oldest.remove();
                    }
                    held.put(btid, g);
                }
            }
            return r;
        });
    }

    /** Keys asked of the BSF over Zn. */
    long fetchedCount() {
        return fetched.sum();
    }
}
