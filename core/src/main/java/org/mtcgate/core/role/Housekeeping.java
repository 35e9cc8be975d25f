package org.mtcgate.core.role;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One thread for every role's periodic chores (sweeping correlations, forgetting finished triggers, reporting
 * triggers without a delivery report). A chore that throws is logged and runs again at its next turn: one bad
 * sweep must not end all later ones, which is what a bare scheduled executor would do.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Housekeeping.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-housekeeping");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code chore} every {@code period}, the first time one period from now. */
    public void every(Duration period, String name, Runnable chore) {
        long ms = period.toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                chore.run();
            } catch (RuntimeException e) {
                LOG.error("housekeeping: {} failed", name, e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
