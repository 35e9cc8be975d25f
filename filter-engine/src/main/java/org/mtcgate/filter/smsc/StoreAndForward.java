package org.mtcgate.filter.smsc;

import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeliveryReportListener;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.TriggerStore;
import org.mtcgate.filter.trigger.TriggerSubmitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SMS-SC's store and forward for trigger SMs (TS 23.040 3.2, TS 29.337 for recall and replace): keep each
 * SM durably, try to deliver it, try again while the UE is absent until its Validity-Time ends, and report
 * the final outcome once.
 *
 * <p>One scheduler thread owns every pending SM and makes every state change, so a recall, a retry and a
 * delivery result can never interleave; deliveries themselves run asynchronously and hop back onto it.
 *
 * <p>At most {@code maxInFlight} deliveries are outstanding towards the network at once; SMs due beyond that
 * wait their turn here, in order. A burst of triggers, or a restart with a large backlog, thus never opens more
 * MAP dialogs than the serving nodes are expected to take, and an SM that waits costs a queue entry, not a
 * dialog that may time out.
 */
public final class StoreAndForward implements TriggerSubmitter, AutoCloseable {
    private final TriggerStore store;
    private final MtDelivery delivery;
    private final RetryPolicy retry;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile DeliveryReportListener reports = (id, outcome) -> CompletableFuture.completedFuture(false);
    /** Only touched on the scheduler thread. */
    private final Map<TriggerId, Pending> pending = new HashMap<>();
    /** Only touched on the scheduler thread: SMs due while the window was full, oldest first. */
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final int maxInFlight;
    private int inFlight; // scheduler thread only
    private final LongAdder attempts = new LongAdder();
    private final LongAdder delivered = new LongAdder();

    /** A pending SM: its stored state, failures so far, the next attempt, and work waiting for an attempt in flight. */
    private static final class Pending {
        DeviceTrigger trigger;
        int failures;
        ScheduledFuture<?> next;
        boolean inFlight;
        boolean queued;
        final List<Runnable> afterAttempt = new ArrayList<>();

        Pending(DeviceTrigger trigger) {
            this.trigger = trigger;
        }
    }

    /** Deliveries outstanding at once unless configured otherwise. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    public StoreAndForward(TriggerStore store, MtDelivery delivery, RetryPolicy retry, Clock clock) {
        this(store, delivery, retry, clock, DEFAULT_MAX_IN_FLIGHT);
    }

    /** @param maxInFlight deliveries outstanding towards the network at once (at least 1) */
    public StoreAndForward(TriggerStore store, MtDelivery delivery, RetryPolicy retry, Clock clock, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.store = store;
        this.delivery = delivery;
        this.retry = retry;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-sc-store-and-forward");
            t.setDaemon(true);
            return t;
        });
    }

    /** Where final outcomes go (the MTC-IWF, directly or through T4 DRR). */
    public void reportTo(DeliveryReportListener listener) {
        this.reports = listener;
    }

    @Override
    public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
        CompletableFuture<SubmissionResult> result = new CompletableFuture<>();
        scheduler.execute(() -> accept(trigger, result));
        return result;
    }

    private void accept(DeviceTrigger trigger, CompletableFuture<SubmissionResult> result) {
        Pending held = pending.get(trigger.id());
        Optional<DeviceTrigger> known = held != null ? Optional.of(held.trigger) : store.find(trigger.id());
        if (known.isPresent()) {
            // The same trigger again (an MTC-IWF resubmitting after a restart) is taken as already taken;
            // another trigger under the same name is refused.
            result.complete(known.get().sameContentAs(trigger) ? SubmissionResult.accepted()
                    : SubmissionResult.refused(RequestStatus.PERMANENTERROR, "another trigger " + trigger.id() + " is already held"));
            return;
        }
        DeviceTrigger stored = trigger.withState(TriggerState.SUBMITTED, null);
        store.put(stored).whenComplete((v, failure) -> scheduler.execute(() -> {
            if (failure != null) {
                result.complete(SubmissionResult.refused(RequestStatus.TEMPORARYERROR, "the SMS-SC could not store it: " + failure.getMessage()));
                return;
            }
            Pending p = new Pending(stored);
            pending.put(stored.id(), p);
            result.complete(SubmissionResult.accepted());
            attempt(p);
        }));
    }

    /** Starts an attempt now, or as soon as the window has room (scheduler thread). */
    private void attempt(Pending p) {
        if (pending.get(p.trigger.id()) != p) {
            return;
        }
        p.next = null;
        if (!clock.instant().isBefore(p.trigger.expiresAt())) {
            finish(p, TriggerState.EXPIRED, DeliveryOutcome.EXPIRED);
            return;
        }
        if (inFlight >= maxInFlight) {
            if (!p.queued) {
                p.queued = true;
                waiting.add(p);
            }
            return;
        }
        p.inFlight = true;
        inFlight++;
        attempts.increment();
        CompletionStage<DeliveryAttempt> stage;
        try {
            stage = delivery.deliver(p.trigger);
        } catch (RuntimeException e) {
            stage = CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, e.toString()));
        }
        stage.whenComplete((outcome, failure) -> scheduler.execute(() -> attempted(p, failure != null
                ? new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, failure.toString()) : outcome)));
    }

    private void attempted(Pending p, DeliveryAttempt outcome) {
        p.inFlight = false;
        inFlight--;
        switch (outcome.result()) {
            case DELIVERED -> {
                delivered.increment();
                finish(p, TriggerState.DELIVERED, DeliveryOutcome.SUCCESS);
            }
            case PERMANENT -> finish(p, TriggerState.UNDELIVERABLE, DeliveryOutcome.UNDELIVERABLE);
            default -> {
                p.failures++;
                Instant now = clock.instant();
                Duration wait = retry.after(p.failures);
                Instant at = now.plus(wait);
                if (!at.isBefore(p.trigger.expiresAt())) {
                    at = p.trigger.expiresAt();
                }
                p.next = scheduler.schedule(() -> attempt(p), Math.max(0, Duration.between(now, at).toMillis()), TimeUnit.MILLISECONDS);
            }
        }
        List<Runnable> after = new ArrayList<>(p.afterAttempt);
        p.afterAttempt.clear();
        after.forEach(Runnable::run);
        startWaiting();
    }

    /** Fills the window from the SMs that waited for it; a withdrawn one is skipped by {@link #attempt}. */
    private void startWaiting() {
        Pending next;
        while (inFlight < maxInFlight && (next = waiting.poll()) != null) {
            next.queued = false;
            attempt(next);
        }
    }

    /** Records the final state durably, then reports it once. */
    private void finish(Pending p, TriggerState state, DeliveryOutcome outcome) {
        pending.remove(p.trigger.id());
        if (p.next != null) {
            p.next.cancel(false);
        }
        DeviceTrigger done = p.trigger.withState(state, outcome);
        store.put(done).whenComplete((v, failure) -> reports.onDeliveryReport(done.id(), outcome));
    }

    @Override
    public CompletionStage<SubmissionResult> recall(DeviceTrigger original) {
        CompletableFuture<SubmissionResult> result = new CompletableFuture<>();
        scheduler.execute(() -> withdraw(original.id(), TriggerState.RECALLED, RequestStatus.RECALLFAIL, result, null));
        return result;
    }

    @Override
    public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
        CompletableFuture<SubmissionResult> result = new CompletableFuture<>();
        scheduler.execute(() -> withdraw(original.id(), TriggerState.REPLACED, RequestStatus.REPLACEFAIL, result, replacement));
        return result;
    }

    /**
     * Takes a pending SM out of the queue (recall), or puts another in its place (replace). An attempt in flight
     * is waited for: if it delivers, the SM can no longer be withdrawn.
     */
    private void withdraw(TriggerId id, TriggerState state, RequestStatus failure, CompletableFuture<SubmissionResult> result,
                          DeviceTrigger replacement) {
        Pending p = pending.get(id);
        if (p == null) {
            Optional<DeviceTrigger> known = store.find(id);
            if (known.isPresent() && known.get().state() == TriggerState.DELIVERED) {
                result.complete(SubmissionResult.refused(RequestStatus.ORIGINALMESSAGESENT, "trigger " + id + " was already delivered"));
            } else {
                result.complete(SubmissionResult.refused(failure, "trigger " + id + " is not pending at the SMS-SC"));
            }
            return;
        }
        if (p.inFlight) {
            p.afterAttempt.add(() -> withdraw(id, state, failure, result, replacement));
            return;
        }
        pending.remove(id);
        if (p.next != null) {
            p.next.cancel(false);
        }
        store.put(p.trigger.withState(state, null)).whenComplete((v, e) -> {
            if (replacement == null) {
                result.complete(SubmissionResult.accepted());
            } else {
                scheduler.execute(() -> accept(replacement, result));
            }
        });
    }

    /** After a restart: every SM held but not finished is tried again now. Returns how many. */
    public CompletionStage<Integer> resume() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            int n = 0;
            for (DeviceTrigger t : store.unfinished()) {
                if (!pending.containsKey(t.id())) {
                    Pending p = new Pending(t);
                    pending.put(t.id(), p);
                    attempt(p);
                    n++;
                }
            }
            result.complete(n);
        });
        return result;
    }

    /** SMs held now. */
    public CompletionStage<Integer> pendingCount() {
        return CompletableFuture.supplyAsync(pending::size, scheduler);
    }

    /** Deliveries outstanding towards the network, and SMs due that wait for room among them. */
    public record Window(int inFlight, int waiting) {
    }

    /** The delivery window now. */
    public CompletionStage<Window> window() {
        return CompletableFuture.supplyAsync(() -> new Window(inFlight, waiting.size()), scheduler);
    }

    public long attemptCount() {
        return attempts.sum();
    }

    public long deliveredCount() {
        return delivered.sum();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
