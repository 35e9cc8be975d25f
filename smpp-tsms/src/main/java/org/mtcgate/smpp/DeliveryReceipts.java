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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SMSC delivery receipts (SMPP 3.4 4.6.1, appendix B): when the SMS-SC reports the final outcome of an SM an SME
 * asked a receipt for, a deliver_sm with esm_class 0x04 and the usual {@code id:... stat:DELIVRD} text goes to a
 * receiver or transceiver bind of that SME; with none bound it waits (bounded) for the next one.
 *
 * <p>Receipt requests are kept in memory: after a restart the SMS-SC still delivers the SMs it resumes, but their
 * receipts are not sent. Receipts go out on one thread of their own, so neither the SMS-SC's scheduler nor the
 * store's writer waits for an SME's deliver_sm_resp.
 */
public final class DeliveryReceipts implements SmOutcomeListener, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DeliveryReceipts.class);
    /** Receipts asked for and not yet due; beyond it no more are taken. */
    static final int MAX_EXPECTED = 1_000_000;
    /** Receipts due for SMEs with no receiver bound. */
    static final int MAX_WAITING = 100_000;

    private final String submitterPrefix;
    private final BindRegistry binds;
    private final TsmsCounters counters;
    private final Clock clock;
    private final Map<SmId, ReceiptRequest> expected = new ConcurrentHashMap<>();
    /** Only touched on the sender thread. */
    private final ArrayDeque<Due> waiting = new ArrayDeque<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tsms-receipts");
        t.setDaemon(true);
        return t;
    });

    private record Due(ReceiptRequest request, SmOutcome outcome, java.time.Instant at) {
    }

    DeliveryReceipts(String submitterPrefix, BindRegistry binds, TsmsCounters counters, Clock clock) {
        this.submitterPrefix = submitterPrefix;
        this.binds = binds;
        this.counters = counters;
        this.clock = clock;
    }

    /** Remembers that the SM stored as {@code id} wants a receipt; false when too many are outstanding. */
    boolean expect(SmId id, ReceiptRequest request) {
        if (expected.size() >= MAX_EXPECTED) {
            counters.receiptsLost.increment();
            return false;
        }
        expected.put(id, request);
        return true;
    }

    /** The SM was not stored after all: no receipt. */
    void forget(SmId id) {
        expected.remove(id);
    }

    @Override
    public CompletionStage<Boolean> onOutcome(SmId id, SmOutcome outcome) {
        ReceiptRequest request = expected.remove(id);
        if (request != null && (outcome != SmOutcome.DELIVERED || !request.onFailureOnly())) {
            Due due = new Due(request, outcome, clock.instant());
            sender.execute(() -> send(due));
        }
        return CompletableFuture.completedFuture(id.submitter().startsWith(submitterPrefix));
    }

    /** A receiver of {@code systemId} bound: what waited for it goes now. */
    void receiverBound(String systemId) {
        sender.execute(() -> {
            int n = waiting.size();
            for (int i = 0; i < n; i++) {
                Due d = waiting.poll();
                if (d.request().systemId().equals(systemId)) {
                    send(d);
                } else {
                    waiting.add(d);
                }
            }
        });
    }

    private void send(Due due) {
        ReceiptRequest r = due.request();
        var bound = binds.receiverOf(r.systemId());
        if (bound.isEmpty()) {
            if (waiting.size() >= MAX_WAITING) {
                counters.receiptsLost.increment();
            } else {
                waiting.add(due);
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
        } catch (Exception e) {
            // The SME did not take it (closed, timed out, refused): receipts are best effort, as at any SMSC.
            counters.receiptsLost.increment();
            LOG.debug("receipt for {} to {} not delivered: {}", r.messageId(), r.systemId(), e.toString());
        }
    }

    /** The de facto receipt text (SMPP 3.4 appendix B). */
    static String text(ReceiptRequest r, SmOutcome outcome, java.time.Instant doneAt) {
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

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
