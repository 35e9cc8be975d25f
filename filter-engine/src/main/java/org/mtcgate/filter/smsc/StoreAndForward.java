package org.mtcgate.filter.smsc;

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
 * The SMS-SC's store and forward (TS 23.040 3.2, TS 29.337 for recall and replace): keep each SM durably, try
 * to deliver it, try again while the UE is absent until its validity ends, and report the final outcome once.
 * It knows SMs, not device triggers: the MTC-IWF and the T4 server convert at their boundary
 * ({@code org.mtcgate.filter.trigger.SmsScSubmitter}).
 *
 * <p>One scheduler thread owns every pending SM and makes every state change, so a recall, a retry and a
 * delivery result can never interleave; deliveries themselves run asynchronously and hop back onto it.
 *
 * <p>At most {@code maxInFlight} deliveries are outstanding towards the network at once; SMs due beyond that
 * wait their turn here, in order. A burst of triggers, or a restart with a large backlog, thus never opens more
 * MAP dialogs than the serving nodes are expected to take, and an SM that waits costs a queue entry, not a
 * dialog that may time out.
 */
public final class StoreAndForward implements AutoCloseable {
    private final HeldSmStore store;
    private final MtDelivery delivery;
    private final RetryPolicy retry;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile SmOutcomeListener reports = (id, outcome) -> CompletableFuture.completedFuture(false);
    /** Only touched on the scheduler thread. */
    private final Map<SmId, Pending> pending = new HashMap<>();
    /**
     * Only touched on the scheduler thread: SMs due while the window was full, oldest first; those with
     * Priority-Indication set (TS 29.368 PRIORITY) go before the others.
     */
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final ArrayDeque<Pending> waitingPriority = new ArrayDeque<>();
    private final int maxInFlight;
    private int inFlight; // scheduler thread only
    private final LongAdder attempts = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retries = new LongAdder();

    /** A pending SM: its stored state, failures so far, the next attempt, and work waiting for an attempt in flight. */
    private static final class Pending {
        HeldSm sm;
        int failures;
        /** Whether the last attempt failed for a passing reason rather than absence. */
        boolean lastTemporary;
        ScheduledFuture<?> next;
        boolean inFlight;
        boolean queued;
        final List<Runnable> afterAttempt = new ArrayList<>();

        Pending(HeldSm sm) {
            this.sm = sm;
        }
    }

    /** Deliveries outstanding at once unless configured otherwise. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    public StoreAndForward(HeldSmStore store, MtDelivery delivery, RetryPolicy retry, Clock clock) {
        this(store, delivery, retry, clock, DEFAULT_MAX_IN_FLIGHT);
    }

    /** @param maxInFlight deliveries outstanding towards the network at once (at least 1) */
    public StoreAndForward(HeldSmStore store, MtDelivery delivery, RetryPolicy retry, Clock clock, int maxInFlight) {
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
    public void reportTo(SmOutcomeListener listener) {
        this.reports = listener;
    }

    /** Holds {@code sm} durably and starts delivering it; completes once it is stored (or refused). */
    public CompletionStage<SmsScResult> submit(HeldSm sm) {
        CompletableFuture<SmsScResult> result = new CompletableFuture<>();
        scheduler.execute(() -> accept(sm, result));
        return result;
    }

    private void accept(HeldSm sm, CompletableFuture<SmsScResult> result) {
        Pending held = pending.get(sm.id());
        Optional<HeldSm> known = held != null ? Optional.of(held.sm) : store.find(sm.id());
        if (known.isPresent()) {
            // The same SM again (a submitter resubmitting after a restart) is taken as already taken;
            // another SM under the same name is refused.
            result.complete(known.get().sameContentAs(sm) ? SmsScResult.accepted()
                    : SmsScResult.refused(SmsScResult.Kind.ID_IN_USE, "another SM " + sm.id() + " is already held"));
            return;
        }
        HeldSm stored = sm.withState(HeldSmState.HELD, null);
        store.put(stored).whenComplete((v, failure) -> scheduler.execute(() -> {
            if (failure != null) {
                result.complete(SmsScResult.refused(SmsScResult.Kind.STORE_FAILED, "the SMS-SC could not store it: " + failure.getMessage()));
                return;
            }
            Pending p = new Pending(stored);
            pending.put(stored.id(), p);
            result.complete(SmsScResult.accepted());
            attempt(p);
        }));
    }

    /** Starts an attempt now, or as soon as the window has room (scheduler thread). */
    private void attempt(Pending p) {
        if (pending.get(p.sm.id()) != p) {
            return;
        }
        p.next = null;
        if (!clock.instant().isBefore(p.sm.expiresAt())) {
            finish(p, HeldSmState.EXPIRED, p.lastTemporary ? SmOutcome.TEMPORARY_ERROR : SmOutcome.EXPIRED);
            return;
        }
        if (inFlight >= maxInFlight) {
            if (!p.queued) {
                p.queued = true;
                (p.sm.message().priority() ? waitingPriority : waiting).add(p);
            }
            return;
        }
        p.inFlight = true;
        inFlight++;
        attempts.increment();
        CompletionStage<DeliveryAttempt> stage;
        try {
            stage = delivery.deliver(p.sm);
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
                finish(p, HeldSmState.DELIVERED, SmOutcome.DELIVERED);
            }
            case PERMANENT -> finish(p, HeldSmState.UNDELIVERABLE, SmOutcome.UNDELIVERABLE);
            default -> {
                p.failures++;
                retries.increment();
                p.lastTemporary = outcome.result() == DeliveryAttempt.Result.TEMPORARY;
                Instant now = clock.instant();
                Duration wait = retry.after(p.failures);
                Instant at = now.plus(wait);
                if (!at.isBefore(p.sm.expiresAt())) {
                    at = p.sm.expiresAt();
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
        while (inFlight < maxInFlight && ((next = waitingPriority.poll()) != null || (next = waiting.poll()) != null)) {
            next.queued = false;
            attempt(next);
        }
    }

    /** Records the final state durably, then reports it once. */
    private void finish(Pending p, HeldSmState state, SmOutcome outcome) {
        pending.remove(p.sm.id());
        if (p.next != null) {
            p.next.cancel(false);
        }
        HeldSm done = p.sm.withState(state, outcome);
        store.put(done).whenComplete((v, failure) -> reports.onOutcome(done.id(), outcome));
    }

    /** Withdraws the SM held under {@code id} (TS 29.337 recall). */
    public CompletionStage<SmsScResult> recall(SmId id) {
        CompletableFuture<SmsScResult> result = new CompletableFuture<>();
        scheduler.execute(() -> withdraw(id, HeldSmState.RECALLED, result, null));
        return result;
    }

    /** Puts {@code replacement} in the place of the SM held under {@code id} (TS 29.337 replace). */
    public CompletionStage<SmsScResult> replace(SmId id, HeldSm replacement) {
        CompletableFuture<SmsScResult> result = new CompletableFuture<>();
        scheduler.execute(() -> withdraw(id, HeldSmState.REPLACED, result, replacement));
        return result;
    }

    /**
     * Takes a pending SM out of the queue (recall), or puts another in its place (replace). An attempt in flight
     * is waited for: if it delivers, the SM can no longer be withdrawn.
     */
    private void withdraw(SmId id, HeldSmState state, CompletableFuture<SmsScResult> result, HeldSm replacement) {
        Pending p = pending.get(id);
        if (p == null) {
            Optional<HeldSm> known = store.find(id);
            if (known.isPresent() && known.get().state() == HeldSmState.DELIVERED) {
                result.complete(SmsScResult.refused(SmsScResult.Kind.ALREADY_DELIVERED, "SM " + id + " was already delivered"));
            } else {
                result.complete(SmsScResult.refused(SmsScResult.Kind.NOT_PENDING, "SM " + id + " is not pending at the SMS-SC"));
            }
            return;
        }
        if (p.inFlight) {
            p.afterAttempt.add(() -> withdraw(id, state, result, replacement));
            return;
        }
        pending.remove(id);
        if (p.next != null) {
            p.next.cancel(false);
        }
        store.put(p.sm.withState(state, null)).whenComplete((v, e) -> {
            if (replacement == null) {
                result.complete(SmsScResult.accepted());
            } else {
                scheduler.execute(() -> accept(replacement, result));
            }
        });
    }

    /**
     * The UE is reachable again (MAP AlertServiceCentre, S6c ALR): every SM held for it that waits for its next
     * retry is tried now; one in flight or already waiting for the window is left as it is. Completes with how many.
     */
    public CompletionStage<Integer> alert(java.util.function.Predicate<SmRecipient> forRecipient) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            List<Pending> due = new ArrayList<>();
            for (Pending p : pending.values()) {
                if (!p.inFlight && !p.queued && p.next != null && forRecipient.test(p.sm.recipient())) {
                    due.add(p);
                }
            }
            for (Pending p : due) {
                p.next.cancel(false);
                attempt(p);
            }
            result.complete(due.size());
        });
        return result;
    }

    /** After a restart: every SM held but not finished is tried again now. Returns how many. */
    public CompletionStage<Integer> resume() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            int n = 0;
            for (HeldSm sm : store.unfinished()) {
                if (!pending.containsKey(sm.id())) {
                    Pending p = new Pending(sm);
                    pending.put(sm.id(), p);
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
        return CompletableFuture.supplyAsync(() -> new Window(inFlight, waiting.size() + waitingPriority.size()), scheduler);
    }

    public long attemptCount() {
        return attempts.sum();
    }

    /** Attempts that failed for a passing reason, each followed by a retry (or by the end of the SM's validity). */
    public long retryCount() {
        return retries.sum();
    }

    public long deliveredCount() {
        return delivered.sum();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
