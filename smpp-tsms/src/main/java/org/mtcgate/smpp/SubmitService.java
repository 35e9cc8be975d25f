package org.mtcgate.smpp;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.concat.ConcatenationTracker;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.RoutingInfo;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.filter.smsc.SmsScResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMS-SC's Tsms ingress (TS 33.187 6.1: a trigger SM from an SME is blocked unless the SME is trusted and
 * authorised for that UE). For each submit_sm or data_sm of a bound SME, in order: the bind's throttle; the PDU
 * read; source_addr one of the SME's addresses; the validity; whether the SMS-SC can carry it; the filter engine
 * with the SME as originator; the subscriber's routing information; the SMS-SC's store. Only then is it answered
 * with a message_id; any refusal before leaves nothing stored.
 *
 * <p>Called on the session's own PDU threads, which may wait for the routing look-up and the store (bounded by
 * {@link #WAIT}): an SME's window of outstanding submits is what paces it.
 */
final class SubmitService {
    /** The longest a submit waits for the routing look-up or the store. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final TsmsSettings settings;
    private final FilterEngine filter;
    private final RoutingInfo routing;
    private final SmsScEntry smsc;
    private final DeliveryReceipts receipts;
    private final TsmsObserver observer;
    private final TsmsCounters counters;
    private final Clock clock;
    private final AtomicLong references;
    /** As the MO path and the router bound theirs: 100,000 unfinished messages, each 60 s after its last part. */
    private final ConcatenationTracker concatenation = new ConcatenationTracker(100_000, Duration.ofSeconds(60),
            TimeSource.SYSTEM);

    SubmitService(TsmsSettings settings, FilterEngine filter, RoutingInfo routing, SmsScEntry smsc, DeliveryReceipts receipts,
                  TsmsObserver observer, TsmsCounters counters, Clock clock) {
        this.settings = settings;
        this.filter = filter;
        this.routing = routing;
        this.smsc = smsc;
        this.receipts = receipts;
        this.observer = observer;
        this.counters = counters;
        this.clock = clock;
        // References name SMs in the SMS-SC's durable store: starting from the clock keeps them apart from those
        // of an earlier run (unless more than a thousand a millisecond were taken then).
        this.references = new AtomicLong(clock.millis() * 1000);
    }

    /** The submitter name of an SME's SMs at the SMS-SC. */
    static String submitter(String systemId) {
        return TsmsServer.SUBMITTER_PREFIX + systemId;
    }

    /** Takes one SM from {@code bound}; returns its message_id. @throws SmppRefusal with the answer's status */
    String submit(BoundSme bound, SubmissionSource pdu) throws SmppRefusal {
        counters.submits.increment();
        SmeAccount sme = bound.account();
        boolean filtered = false;
        try {
            if (!bound.trySubmit()) {
                counters.throttled.increment();
                throw new SmppRefusal(SmppStatus.THROTTLED, "tsms-throttled",
                        "more than " + sme.submitsPerSecond() + " submits a second on one bind");
            }
            Submission s = pdu.read();
            if (!sme.owns(s.sourceAddress())) {
                throw new SmppRefusal(SmppStatus.INVALID_SOURCE, "tsms-source-not-owned",
                        "source_addr '" + s.sourceAddress() + "' is not one of SME " + sme.systemId() + "'s addresses");
            }
            Msisdn target = destination(s);
            Instant now = clock.instant();
            Instant expiresAt = expiry(s, now);
            ShortMessage sm = Carriage.shortMessage(s);
            InboundItem item = TsmsItems.item(sme, s, target);
            // Once one part of a concatenated SM is blocked as protected, its later parts are blocked too.
            Verdict verdict = concatenation.screen(item, filter.policy().kindOf(item), filter.evaluate(item));
            if (!verdict.allowed()) {
                filtered = true;
                counters.blocked.increment();
                observer.blocked(item, verdict);
                throw new SmppRefusal(statusOf(verdict), verdict.ruleId(), verdict.reason());
            }
            SmRecipient recipient = locate(target);
            long reference = references.incrementAndGet();
            SmId id = new SmId(submitter(sme.systemId()), reference);
            String messageId = Long.toString(reference);
            boolean receipt = (s.registeredDelivery() & 0x03) != 0;
            try {
                // The receipt is kept before the SM: an SM the SMS-SC holds never lacks the receipt it owes.
                if (receipt) {
                    await(receipts.expect(id, new ReceiptRequest(sme.systemId(), messageId, s.sourceAddress(),
                            s.destinationAddress(), now, expiresAt, (s.registeredDelivery() & 0x03) == 2)), "the receipt store");
                }
                SmsScResult stored = await(smsc.submit(HeldSm.held(id, recipient, sm, now, expiresAt)), "the SMS-SC's store");
                if (!stored.isAccepted()) {
                    throw new SmppRefusal(stored.kind() == SmsScResult.Kind.STORE_FAILED ? SmppStatus.QUEUE_FULL
                            : SmppStatus.SYSTEM_ERROR, "tsms-not-stored", stored.detail());
                }
            } catch (SmppRefusal notTaken) {
                if (receipt) {
                    receipts.forget(id);
                }
                throw notTaken;
            }
            counters.accepted.increment();
            observer.accepted(item, verdict);
            return messageId;
        } catch (SmppRefusal r) {
            if (!filtered) {
                counters.refused.increment();
                observer.refused(sme.systemId(), bound.peer(), r.status(), r.rule(), r.getMessage());
            }
            throw r;
        }
    }

    /**
     * How a filter block is answered: over its rate or quota, the SME should slow down (ESME_RTHROTTLED,
     * ESME_RMSGQFUL); otherwise the SM is refused for good (ESME_RX_R_APPN: the receiving application, here the
     * SMS-SC's filter, rejected it, and a resubmission would be rejected again).
     */
    static int statusOf(Verdict verdict) {
        return switch (verdict.requestStatus()) {
            case RATEEXCEEDED -> SmppStatus.THROTTLED;
            case QUOTAEXCEEDED -> SmppStatus.QUEUE_FULL;
            default -> SmppStatus.REJECTED;
        };
    }

    private static Msisdn destination(Submission s) throws SmppRefusal {
        String d = s.destinationAddress().startsWith("+") ? s.destinationAddress().substring(1) : s.destinationAddress();
        if (!TsmsItems.digits(d)) {
            throw new SmppRefusal(SmppStatus.INVALID_DESTINATION, "tsms-bad-destination",
                    "destination_addr '" + s.destinationAddress() + "' is not an MSISDN");
        }
        return Msisdn.of(d);
    }

    private Instant expiry(Submission s, Instant now) throws SmppRefusal {
        if (!s.scheduleDelivery().isEmpty()) {
            throw new SmppRefusal(SmppStatus.INVALID_SCHEDULE, "tsms-scheduled",
                    "schedule_delivery_time is not offered: this SMS-SC delivers at once");
        }
        Instant max = now.plus(settings.maxValidity());
        if (s.validityPeriod().isEmpty()) {
            return now.plus(settings.defaultValidity());
        }
        Instant at;
        try {
            at = SmppTime.resolve(s.validityPeriod(), now);
        } catch (IllegalArgumentException e) {
            throw new SmppRefusal(SmppStatus.INVALID_EXPIRY, "tsms-bad-validity", "validity_period " + e.getMessage());
        }
        if (!at.isAfter(now) || at.isAfter(max)) {
            throw new SmppRefusal(SmppStatus.INVALID_EXPIRY, "tsms-bad-validity", "validity_period " + s.validityPeriod()
                    + " ends " + at + "; it must end after now and within " + settings.maxValidity());
        }
        return at;
    }

    private SmRecipient locate(Msisdn target) throws SmppRefusal {
        Optional<SmRecipient> found = await(routing.locate(target), "the subscriber look-up");
        return found.orElseThrow(() -> new SmppRefusal(SmppStatus.INVALID_DESTINATION, "tsms-unknown-subscriber",
                "no subscriber " + target));
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage, String what) throws SmppRefusal {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmppRefusal(SmppStatus.SYSTEM_ERROR, "tsms-interrupted", what + " was interrupted");
        } catch (ExecutionException e) {
            throw new SmppRefusal(SmppStatus.SYSTEM_ERROR, "tsms-internal", what + " failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new SmppRefusal(SmppStatus.QUEUE_FULL, "tsms-timeout", what + " took longer than " + WAIT);
        }
    }

    /** A PDU to be read into a submission (so that a malformed one is refused inside the same accounting). */
    @FunctionalInterface
    interface SubmissionSource {
        Submission read() throws SmppRefusal;
    }
}
