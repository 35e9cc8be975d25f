package org.mtcgate.bsf;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.bootstrap.BootstrapContext;
import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.Ks;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryBootstrapContextStoreTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void boundedOldestOutAfterTheExpired() throws Exception {
        MemoryBootstrapContextStore store = new MemoryBootstrapContextStore(2);
        BootstrapContext a = context(1, T0, 10);
        BootstrapContext b = context(2, T0, 100);
        BootstrapContext c = context(3, T0.plusSeconds(20), 100);
        store.put(a);
        store.put(b);
        store.put(c); // a has expired at c's creation: it goes, b stays
        assertTrue(store.find(b.btid(), T0.plusSeconds(20)).toCompletableFuture().get().isPresent());
        assertEquals(0, store.evictedCount());
        store.put(context(4, T0.plusSeconds(21), 100)); // full of valid ones: the oldest (b) goes
        assertEquals(1, store.evictedCount());
        assertTrue(store.find(b.btid(), T0.plusSeconds(21)).toCompletableFuture().get().isEmpty());
        store.sweep(T0.plusSeconds(500));
        assertEquals(0, store.size());
    }

    private static BootstrapContext context(int n, Instant created, long seconds) {
        byte[] rand = new byte[16];
        rand[0] = (byte) n;
        Rand r = new Rand(rand);
        return new BootstrapContext(Btid.of(r, "bsf.example"), r, new Impi("u" + n + "@ims.example"), new Ks(new byte[32]),
                created, created.plusSeconds(seconds));
    }
}
