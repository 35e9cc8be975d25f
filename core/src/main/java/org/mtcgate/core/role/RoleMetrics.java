package org.mtcgate.core.role;

import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.core.store.HeldTriggerStore;
import org.mtcgate.filter.smsc.StoreAndForward;
import org.mtcgate.filter.trigger.DeviceTrigger;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The gauges and counters of what the roles hold, read when metrics are scraped. Names are in docs/metrics.md. */
final class RoleMetrics {
    /** A scrape waits this long at most for the SMS-SC's scheduler thread; a busier one gives no series. */
    private static final Duration SCHEDULER_WAIT = Duration.ofSeconds(1);

    private RoleMetrics() {
    }

    /** {@code mtcgate_triggers_held{state}}: the MTC-IWF's unfinished triggers (accepted, submitted). */
    static void triggers(NodeMetrics metrics, HeldTriggerStore store) {
        metrics.gauge("mtcgate_triggers_held", "Unfinished triggers the MTC-IWF holds, by state (accepted, submitted)",
                "state", () -> {
                    Map<String, Integer> byState = new TreeMap<>(Map.of("accepted", 0, "submitted", 0));
                    for (DeviceTrigger t : store.unfinished()) {
                        byState.merge(t.state().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                    return byState;
                });
    }

    /**
     * {@code mtcgate_sms_held{state}} (in flight, waiting for the delivery window, waiting for a retry),
     * {@code mtcgate_sms_delivery_attempts_total}, {@code mtcgate_sms_delivered_total}, {@code mtcgate_sms_retries_total}.
     */
    static void smsSc(NodeMetrics metrics, StoreAndForward smsc) {
        metrics.gauge("mtcgate_sms_held", "SMs the SMS-SC holds, by state: in_flight, waiting_window (queued for the delivery "
                + "window), waiting_retry", "state", () -> {
                    try {
                        int held = smsc.pendingCount().toCompletableFuture().get(SCHEDULER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                        StoreAndForward.Window w = smsc.window().toCompletableFuture().get(SCHEDULER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                        return Map.of("in_flight", w.inFlight(), "waiting_window", w.waiting(),
                                "waiting_retry", Math.max(0, held - w.inFlight() - w.waiting()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Map.of();
                    } catch (Exception e) {
                        return Map.of();
                    }
                });
        metrics.counter("mtcgate_sms_delivery_attempts_total", "Delivery attempts by the SMS-SC", null,
                () -> Map.of("", smsc.attemptCount()));
        metrics.counter("mtcgate_sms_delivered_total", "SMs the SMS-SC delivered", null, () -> Map.of("", smsc.deliveredCount()));
        metrics.counter("mtcgate_sms_retries_total", "Delivery attempts that failed for a passing reason and were retried",
                null, () -> Map.of("", smsc.retryCount()));
    }
}
