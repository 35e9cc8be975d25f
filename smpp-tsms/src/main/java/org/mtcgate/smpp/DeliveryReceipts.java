package org.mtcgate.smpp;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmOutcome;
import org.mtcgate.filter.smsc.SmOutcomeListener;
import org.mtcgate.filter.store.RecordStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SMSC delivery receipts (SMPP 3.4 4.6.1, appendix B): when the SMS-SC reports the final outcome of an SM an SME
 * asked a receipt for, a deliver_sm with esm_class 0x04 and the usual {@code id:... stat:DELIVRD} text goes to a
 * receiver or transceiver bind of that SME; with none bound it waits (bounded) for the next one.
 *
 * <p>Every receipt is kept in the {@link RecordStore} from the submit_sm_resp until it went out: after a restart
 * the receipts of SMs the SMS-SC still holds follow their outcomes, and receipts due but not sent wait for the SME's
 * next bind. A receipt whose SM ended while no outcome could be written (a crash in between) is dropped a day after
 * the SM's validity. Receipts go out on one thread of their own, so neither the SMS-SC's scheduler nor the store's
 * writer waits for an SME's deliver_sm_resp.
 */
public final class DeliveryReceipts implements SmOutcomeListener, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DeliveryReceipts.class);
    /** Receipts asked for and not yet due; beyond it no more are taken. */
    static final int MAX_EXPECTED = 1_000_000;
    /** Receipts due for SMEs with no receiver bound. */
    static final int MAX_WAITING = 100_000;
    /** How long after its SM's validity a receipt still waits for an outcome. */
    static final Duration ORPHAN_AFTER = Duration.ofDays(1);
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final String submitterPrefix;
    private final BindRegistry binds;
    private final TsmsCounters counters;
    private final Clock clock;
    private final RecordStore store;
    private final Map<SmId, ReceiptRequest> expected = new ConcurrentHashMap<>();
    /** Only touched on the sender thread (and in the constructor, before it runs anything). */
    private final ArrayDeque<Due> waiting = new ArrayDeque<>();
    /** Its size, for the console, which must not wait for the sender thread (it may be waiting for an SME). */
    private volatile int waitingCount;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tsms-receipts");
        t.setDaemon(true);
        return t;
    });

    private record Due(SmId id, ReceiptRequest request, SmOutcome outcome, Instant at) {
    }

    DeliveryReceipts(String submitterPrefix, BindRegistry binds, TsmsCounters counters, Clock clock, RecordStore store) {
        this.submitterPrefix = submitterPrefix;
        this.binds = binds;
        this.counters = counters;
        this.clock = clock;
        this.store = store;
        recover();
        sender.scheduleWithFixedDelay(this::dropOrphans, SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void recover() {
        int expecting = 0;
        int due = 0;
        for (Map.Entry<String, byte[]> e : store.recovered().entrySet()) {
            ReceiptRecord r;
            try {
                r = ReceiptRecord.decode(e.getValue());
            } catch (IllegalArgumentException damaged) {
                LOG.warn("tsms: receipt record {} in {} dropped: {}", e.getKey(), store.location(), damaged.getMessage());
                store.remove(e.getKey());
                continue;
            }
            if (r.due()) {
                waiting.add(new Due(r.id(), r.request(), r.outcome(), r.at()));
                waitingCount = waiting.size();
                due++;
            } else {
                expected.put(r.id(), r.request());
                expecting++;
            }
        }
        if (expecting + due > 0) {
            LOG.info("tsms: {} receipts wait for their SM's outcome, {} for a receiver bind (from {})", expecting, due,
                    store.location());
        }
    }

    /**
     * Remembers that the SM stored as {@code id} wants a receipt. Completes with true once that is durable, false
     * when too many are outstanding (the SM then goes without); fails when the store could not write it.
     */
    CompletionStage<Boolean> expect(SmId id, ReceiptRequest request) {
        if (expected.size() >= MAX_EXPECTED) {
            counters.receiptsLost.increment();
            return CompletableFuture.completedFuture(false);
        }
        expected.put(id, request);
        return store.put(ReceiptRecord.key(id), ReceiptRecord.expected(id, request).encode()).thenApply(v -> true);
    }

    /** The SM was not stored after all: no receipt. */
    void forget(SmId id) {
        expected.remove(id);
        store.remove(ReceiptRecord.key(id));
    }

    /** Completes once the receipt, if one is due, is durable: the SMS-SC may then forget the SM. */
    @Override
    public CompletionStage<Boolean> onOutcome(SmId id, SmOutcome outcome) {
        boolean ours = id.submitter().startsWith(submitterPrefix);
        ReceiptRequest request = expected.remove(id);
        if (request == null) {
            return CompletableFuture.completedFuture(ours);
        }
        String key = ReceiptRecord.key(id);
        if (outcome == SmOutcome.DELIVERED && request.onFailureOnly()) {
            return store.remove(key).handle((v, failure) -> ours);
        }
        Due due = new Due(id, request, outcome, clock.instant());
        return store.put(key, new ReceiptRecord(id, request, outcome, due.at()).encode()).handle((v, failure) -> {
            if (failure != null) {
                LOG.warn("tsms: the receipt for {} could not be kept in {} (sent now, not after a restart): {}",
                        request.messageId(), store.location(), failure.toString());
            }
            sender.execute(() -> send(due));
            return ours;
        });
    }

    /** A receiver of {@code systemId} bound: what waited for it goes now. */
    void receiverBound(String systemId) {
        sender.execute(() -> {
            int n = waiting.size();
            for (int i = 0; i < n; i++) {
                Due d = waiting.poll();
                waitingCount = waiting.size();
                if (d.request().systemId().equals(systemId)) {
                    send(d);
                } else {
                    waiting.add(d);
                    waitingCount = waiting.size();
                }
            }
        });
    }

    /** Receipts asked for whose SM has no outcome yet, and receipts due that wait for a receiver bind. */
    int[] outstanding() {
        return new int[] {expected.size(), waitingCount};
    }

    /** Completes once the sender thread has done what was queued on it before (tests read the counts after it). */
    CompletionStage<Void> afterQueued() {
        return CompletableFuture.runAsync(() -> { }, sender);
    }

    private void send(Due due) {
        ReceiptRequest r = due.request();
        var bound = binds.receiverOf(r.systemId());
        if (bound.isEmpty()) {
            if (waiting.size() >= MAX_WAITING) {
                lost(due.id());
            } else {
                waiting.add(due);
                waitingCount = waiting.size();
            }
            return;
        }
        try {
            bound.get().session().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    r.ueAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, r.smeAddress(),
                    new ESMClass(0x04), (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(),
                    text(due).getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(r.messageId()),
                    new OptionalParameter.Message_state(state(due.outcome()).value()));
            counters.receiptsSent.increment();
            store.remove(ReceiptRecord.key(due.id()));
        } catch (Exception e) {
            // The SME did not take it (closed, timed out, refused): receipts are best effort, as at any SMSC.
            lost(due.id());
            LOG.debug("receipt for {} to {} not delivered: {}", r.messageId(), r.systemId(), e.toString());
        }
    }

    private void lost(SmId id) {
        counters.receiptsLost.increment();
        store.remove(ReceiptRecord.key(id));
    }

    /** Receipts whose SM ended without an outcome this side heard (a crash between the two writes). */
    void dropOrphans() {
        Instant limit = clock.instant().minus(ORPHAN_AFTER);
        expected.forEach((id, request) -> {
            if (request.expiresAt().isBefore(limit) && expected.remove(id, request)) {
                LOG.info("tsms: the receipt for message {} of {} is dropped: its SM ended without an outcome here",
                        request.messageId(), request.systemId());
                lost(id);
            }
        });
    }

    /** The de facto receipt text (SMPP 3.4 appendix B). */
    static String text(ReceiptRequest r, SmOutcome outcome, Instant doneAt) {
        boolean delivered = outcome == SmOutcome.DELIVERED;
        return "id:" + r.messageId() + " sub:001 dlvrd:" + (delivered ? "001" : "000")
                + " submit date:" + SmppTime.receiptDate(r.submittedAt()) + " done date:" + SmppTime.receiptDate(doneAt)
                + " stat:" + switch (outcome) {
                    case DELIVERED -> "DELIVRD";
                    case EXPIRED, TEMPORARY_ERROR -> "EXPIRED";
                    case UNDELIVERABLE -> "UNDELIV";
                } + " err:000 text:";
    }

    private static String text(Due due) {
        return text(due.request(), due.outcome(), due.at());
    }

    private static MessageState state(SmOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> MessageState.DELIVERED;
            // the validity ended after a failure that might have passed: still expired to the SME
            case EXPIRED, TEMPORARY_ERROR -> MessageState.EXPIRED;
            case UNDELIVERABLE -> MessageState.UNDELIVERABLE;
        };
    }

    /** Stops sending; the store is the caller's, and keeps what was not sent. */
    @Override
    public void close() {
        sender.shutdownNow();
    }
}
