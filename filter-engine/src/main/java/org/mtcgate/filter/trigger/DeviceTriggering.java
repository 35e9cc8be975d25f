package org.mtcgate.filter.trigger;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Verdict;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The MTC-IWF's device triggering procedure (TS 23.682 5.2.1, 5.2.2 for recall and replace), free of Diameter:
 * check the SCS and the request, filter (TS 33.187 6.1), ask the HSS, keep the trigger durably, submit it to
 * the SMS-SC and answer with the SMS-SC's verdict; when the delivery report comes, tell the SCS.
 *
 * <p>Every step is asynchronous; nothing here blocks the caller's thread. A failing port gives the SCS a
 * temporary error, never an exception.
 */
public final class DeviceTriggering implements DeliveryReportListener {
    private final FilterEngine filter;
    private final SubscriberDirectory subscribers;
    private final TriggerStore store;
    private final TriggerSubmitter smsc;
    private final DeviceNotifier notifier;
    private final TriggerObserver observer;
    private final TriggerLimits limits;
    private final Clock clock;
    private final ScsIdentities scsIdentities;
    /** Requests being worked on, per trigger: a second request for the same trigger must not interleave. */
    private final Map<TriggerId, Boolean> inFlight = new ConcurrentHashMap<>();

    public DeviceTriggering(FilterEngine filter, SubscriberDirectory subscribers, TriggerStore store, TriggerSubmitter smsc,
                            DeviceNotifier notifier, TriggerObserver observer, TriggerLimits limits, Clock clock) {
        this(filter, subscribers, store, smsc, notifier, observer, limits, clock, ScsIdentities.NONE);
    }

    /** @param scsIdentities the SCS-Identity values each SCS may claim besides its Diameter identity */
    public DeviceTriggering(FilterEngine filter, SubscriberDirectory subscribers, TriggerStore store, TriggerSubmitter smsc,
                            DeviceNotifier notifier, TriggerObserver observer, TriggerLimits limits, Clock clock,
                            ScsIdentities scsIdentities) {
        this.scsIdentities = scsIdentities;
        this.filter = filter;
        this.subscribers = subscribers;
        this.store = store;
        this.smsc = smsc;
        this.notifier = notifier;
        this.observer = observer;
        this.limits = limits;
        this.clock = clock;
    }

    /** Handles one Device-Action; the stage always completes normally. */
    public CompletionStage<DeviceActionResult> handle(DeviceActionRequest request) {
        DeviceActionResult refused = checkRequest(request);
        if (refused != null) {
            observer.refused(request, refused);
            return CompletableFuture.completedFuture(refused);
        }
        TriggerId lock = request.actionType() == ActionType.DEVICE_TRIGGER_REQUEST ? request.triggerId() : request.oldTriggerId();
        if (inFlight.putIfAbsent(lock, Boolean.TRUE) != null) {
            return CompletableFuture.completedFuture(DeviceActionResult.of(RequestStatus.TEMPORARYERROR,
                    "another request for trigger " + lock + " is being handled"));
        }
        CompletionStage<DeviceActionResult> work;
        try {
            work = switch (request.actionType()) {
                case DEVICE_TRIGGER_REQUEST -> trigger(request);
                case DEVICE_TRIGGER_RECALL -> recall(request);
                case DEVICE_TRIGGER_REPLACE -> replace(request);
                default -> CompletableFuture.completedFuture(DeviceActionResult.of(RequestStatus.PERMANENTERROR,
                        "Action-Type " + request.actionType() + " is not a request an SCS sends"));
            };
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        return work.handle((result, failure) -> {
            inFlight.remove(lock);
            return failure == null ? result : internalFailure(failure);
        });
    }

    /** Checks that need nothing but the request: identity, payload, validity, references. */
    private DeviceActionResult checkRequest(DeviceActionRequest r) {
        if (r.claimedScsIdentity() != null && !scsIdentities.mayUse(r.scsIdentity(), r.claimedScsIdentity())) {
            return DeviceActionResult.of(RequestStatus.INVSCSID, "SCS-Identity '" + r.claimedScsIdentity()
                    + "' is neither the authenticated SCS '" + r.scsIdentity() + "' nor configured for it");
        }
        boolean carriesTrigger = r.actionType() != ActionType.DEVICE_TRIGGER_RECALL;
        if (carriesTrigger && (r.payloadLength() == 0 || r.payloadLength() > limits.maxPayloadOctets())) {
            return DeviceActionResult.of(RequestStatus.INVPAYLOAD, "payload of " + r.payloadLength()
                    + " octets; 1 to " + limits.maxPayloadOctets() + " accepted");
        }
        if (r.validityTime() != null && r.validityTime().isZero()) {
            // TS 29.368 gives Validity-Time 0 no meaning of its own and T4 has no "deliver now or never": the SMS-SC
            // would store a trigger that is already expired and report EXPIRED after a SUCCESS. Refused up front.
            return DeviceActionResult.of(RequestStatus.INVPERIOD, "Validity-Time 0: a trigger must stay valid for at"
                    + " least one second; the SMS-SC cannot deliver without storing");
        }
        if (r.validityTime() != null && (r.validityTime().isNegative() || r.validityTime().compareTo(limits.maxValidity()) > 0)) {
            return DeviceActionResult.of(RequestStatus.INVPERIOD, "Validity-Time " + r.validityTime().toSeconds()
                    + " s is above the " + limits.maxValidity().toSeconds() + " s this node keeps triggers");
        }
        if (r.applicationPort() > 0xFFFF) {
            return DeviceActionResult.of(RequestStatus.INVPAYLOAD, "Application-Port-Identifier " + r.applicationPort()
                    + " does not fit the 16-bit port of the SM");
        }
        if (r.actionType() != ActionType.DEVICE_TRIGGER_REQUEST && r.oldReferenceNumber() == null) {
            return DeviceActionResult.of(r.actionType() == ActionType.DEVICE_TRIGGER_RECALL ? RequestStatus.RECALLFAIL
                    : RequestStatus.REPLACEFAIL, "a recall or replace needs Old-Reference-Number");
        }
        return null;
    }

    /**
     * Filters the request and, if allowed, runs {@code next}; the observer hears the verdict once the answer is
     * known, so a trigger the filter allowed but the HSS, the store or the SMS-SC refused is reported as refused.
     */
    private CompletionStage<DeviceActionResult> filtered(DeviceActionRequest r,
                                                         Function<Verdict, CompletionStage<DeviceActionResult>> next) {
        InboundItem item = InboundItem.builder(r.ingress(), Originator.named(r.scsIdentity()))
                .targetExternalId(r.ue().externalId())
                .targetMsisdn(r.ue().msisdn())
                .tpPid(MessageKind.PID_DEVICE_TRIGGER)
                .ports(r.applicationPort() < 0 ? InboundItem.NO_PORT : r.applicationPort(), InboundItem.NO_PORT)
                .payloadLength(r.payloadLength())
                .build();
        Verdict verdict = filter.evaluate(item);
        if (!verdict.allowed()) {
            DeviceActionResult blocked = new DeviceActionResult(verdict.requestStatus(), verdict.reason(), verdict);
            observer.decided(item, verdict, r.triggerId(), blocked);
            return done(blocked);
        }
        CompletionStage<DeviceActionResult> work;
        try {
            work = next.apply(verdict);
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        return work.handle((result, failure) -> {
            DeviceActionResult answer = failure == null ? result : internalFailure(failure);
            observer.decided(item, verdict, r.triggerId(), answer);
            return answer;
        });
    }

    private CompletionStage<DeviceActionResult> trigger(DeviceActionRequest r) {
        Optional<DeviceTrigger> existing = store.find(r.triggerId());
        return filtered(r, verdict -> subscribers.lookup(r.ue(), r.scsIdentity()).thenCompose(lookup -> {
            if (!lookup.isFound()) {
                return done(new DeviceActionResult(lookup.refusal(), lookup.reason(), verdict));
            }
            DeviceTrigger trigger = accepted(r, lookup.subscriber());
            if (existing.isPresent()) {
                // A resent request (same Reference-Number, same content) gets the same answer and no second SM.
                return done(existing.get().sameContentAs(trigger)
                        ? new DeviceActionResult(RequestStatus.SUCCESS, "already accepted as " + existing.get().state(), verdict)
                        : new DeviceActionResult(RequestStatus.PERMANENTERROR, "Reference-Number " + r.referenceNumber()
                        + " is already used by another trigger of this SCS", verdict));
            }
            return keep(null, trigger).thenCompose(stored -> submit(stored, verdict));
        }));
    }

    /**
     * Hands the trigger to the SMS-SC. The DAA does not wait for SUBMITTED to be written: ACCEPTED is durable and
     * the SMS-SC holds the trigger durably before it answers, so after a crash the resubmitted trigger is simply
     * taken again. The SUBMITTED write is queued before any delivery report can be, so it never overwrites one.
     */
    private CompletionStage<DeviceActionResult> submit(DeviceTrigger trigger, Verdict verdict) {
        return smsc.submit(trigger).thenCompose(result -> {
            if (result.isAccepted()) {
                keep(trigger, trigger.withState(TriggerState.SUBMITTED, null));
                return done(new DeviceActionResult(RequestStatus.SUCCESS, result.reason(), verdict));
            }
            return keep(trigger, trigger.withState(TriggerState.UNDELIVERABLE, DeliveryOutcome.UNDELIVERABLE))
                    .thenApply(t -> new DeviceActionResult(result.status(), result.reason(), verdict,
                            result.mtcErrorDiagnostic()));
        });
    }

    private CompletionStage<DeviceActionResult> recall(DeviceActionRequest r) {
        Optional<DeviceTrigger> original = store.find(r.oldTriggerId());
        if (original.isEmpty()) {
            return done(DeviceActionResult.of(RequestStatus.RECALLFAIL, "no trigger " + r.oldTriggerId() + " to recall"));
        }
        DeviceTrigger old = original.get();
        if (old.state() == TriggerState.DELIVERED) {
            return done(DeviceActionResult.of(RequestStatus.ORIGINALMESSAGESENT, "trigger " + old.id() + " was already delivered"));
        }
        if (old.state().finished()) {
            return done(DeviceActionResult.of(RequestStatus.RECALLFAIL, "trigger " + old.id() + " is " + old.state()));
        }
        return smsc.recall(old).thenCompose(result -> result.isAccepted()
                ? keep(old, old.withState(TriggerState.RECALLED, null))
                        .thenApply(t -> DeviceActionResult.of(RequestStatus.SUCCESS, "trigger " + old.id() + " recalled"))
                : done(new DeviceActionResult(result.status() == RequestStatus.ORIGINALMESSAGESENT
                        ? RequestStatus.ORIGINALMESSAGESENT : RequestStatus.RECALLFAIL, result.reason(), null,
                        result.mtcErrorDiagnostic())));
    }

    /**
     * Replace (TS 23.682 5.2.2): the new trigger is filtered and looked up like any trigger; it takes the place of
     * the original while that is pending. If the original was delivered already, the new one is sent as a trigger
     * of its own and the SCS hears ORIGINALMESSAGESENT; if there is no original, REPLACEFAIL.
     */
    private CompletionStage<DeviceActionResult> replace(DeviceActionRequest r) {
        Optional<DeviceTrigger> original = store.find(r.oldTriggerId());
        if (original.isEmpty()) {
            return done(DeviceActionResult.of(RequestStatus.REPLACEFAIL, "no trigger " + r.oldTriggerId() + " to replace"));
        }
        if (store.find(r.triggerId()).isPresent()) {
            return done(DeviceActionResult.of(RequestStatus.REPLACEFAIL, "Reference-Number " + r.referenceNumber() + " is already used"));
        }
        DeviceTrigger old = original.get();
        return filtered(r, verdict -> subscribers.lookup(r.ue(), r.scsIdentity()).thenCompose(lookup -> {
            if (!lookup.isFound()) {
                return done(new DeviceActionResult(lookup.refusal(), lookup.reason(), verdict));
            }
            DeviceTrigger replacement = accepted(r, lookup.subscriber());
            if (old.state().finished()) {
                return keep(null, replacement).thenCompose(stored -> submit(stored, verdict)).thenApply(result ->
                        result.isSuccess() && old.state() == TriggerState.DELIVERED
                                ? new DeviceActionResult(RequestStatus.ORIGINALMESSAGESENT,
                                "trigger " + old.id() + " was already delivered; the new one is sent on its own", verdict)
                                : result);
            }
            return keep(null, replacement).thenCompose(stored -> smsc.replace(old, stored).thenCompose(result -> {
                if (result.status() == RequestStatus.ORIGINALMESSAGESENT) {
                    // TS 23.682 5.2.2: the original already left the SMS-SC (T4 5535), so the new trigger goes out
                    // as a trigger of its own and the SCS hears ORIGINALMESSAGESENT (or why the new one failed).
                    return submit(stored, verdict).thenApply(sent -> sent.isSuccess()
                            ? new DeviceActionResult(RequestStatus.ORIGINALMESSAGESENT, "trigger " + old.id()
                            + " was no longer pending at the SMS-SC; the new one is sent on its own", verdict,
                            result.mtcErrorDiagnostic())
                            : sent);
                }
                if (!result.isAccepted()) {
                    return keep(stored, stored.withState(TriggerState.UNDELIVERABLE, DeliveryOutcome.UNDELIVERABLE))
                            .thenApply(t -> new DeviceActionResult(RequestStatus.REPLACEFAIL, result.reason(), verdict,
                                    result.mtcErrorDiagnostic()));
                }
                return keep(old, old.withState(TriggerState.REPLACED, null))
                        .thenCompose(t -> keep(stored, stored.withState(TriggerState.SUBMITTED, null)))
                        .thenApply(t -> new DeviceActionResult(RequestStatus.SUCCESS, "trigger " + old.id() + " replaced", verdict));
            }));
        }));
    }

    /**
     * A delivery report from the SMS-SC (T4 DRR or the internal SMS-SC): record the outcome durably, then send the
     * SCS a Device-Notification. Reports for unknown or finished triggers are ignored and return false.
     */
    @Override
    public CompletionStage<Boolean> onDeliveryReport(TriggerId id, DeliveryOutcome outcome) {
        Optional<DeviceTrigger> found = store.find(id);
        if (found.isEmpty() || found.get().state().finished()) {
            return CompletableFuture.completedFuture(false);
        }
        DeviceTrigger before = found.get();
        TriggerState next = switch (outcome) {
            case SUCCESS -> TriggerState.DELIVERED;
            case EXPIRED -> TriggerState.EXPIRED;
            default -> TriggerState.UNDELIVERABLE;
        };
        return keep(before, before.withState(next, outcome)).thenApply(after -> {
            notifier.notify(new DeviceNotification(id, after.ue(), ActionType.DELIVERY_REPORT, outcome));
            return true;
        });
    }

    /**
     * Triggers the SMS-SC took but never reported on, {@code grace} after their validity ended (a DRR lost, a T4
     * reference forgotten in a restart, an SMS-SC that went away): the SCS hears Delivery-Outcome UNCONFIRMED rather
     * than nothing. Run periodically by the node.
     *
     * @return how many were reported
     */
    public CompletionStage<Integer> reportUnconfirmed(Duration grace) {
        Instant due = clock.instant().minus(grace);
        CompletableFuture<Integer> all = CompletableFuture.completedFuture(0);
        for (DeviceTrigger t : store.unfinished()) {
            if (t.state() == TriggerState.SUBMITTED && t.expiresAt().isBefore(due)) {
                all = all.thenCompose(n -> onDeliveryReport(t.id(), DeliveryOutcome.UNCONFIRMED)
                        .thenApply(reported -> reported ? n + 1 : n));
            }
        }
        return all;
    }

    /**
     * After a restart: submits again every trigger that was accepted but not yet taken by the SMS-SC, and expires
     * those whose validity ran out meanwhile. Triggers the SMS-SC took are its to deliver.
     */
    public CompletionStage<Integer> resumeAfterRestart() {
        Instant now = clock.instant();
        CompletableFuture<Integer> all = CompletableFuture.completedFuture(0);
        for (DeviceTrigger t : store.unfinished()) {
            if (t.state() != TriggerState.ACCEPTED) {
                continue;
            }
            if (!t.expiresAt().isAfter(now)) {
                all = all.thenCompose(n -> onDeliveryReport(t.id(), DeliveryOutcome.EXPIRED).thenApply(x -> n));
            } else {
                all = all.thenCompose(n -> submit(t, null).thenApply(x -> n + 1));
            }
        }
        return all;
    }

    private DeviceTrigger accepted(DeviceActionRequest r, SubscriberInfo subscriber) {
        Instant now = clock.instant();
        Duration validity = r.validityTime() == null ? limits.defaultValidity() : r.validityTime();
        return new DeviceTrigger(r.triggerId(), r.ue(), subscriber, r.payload(), r.applicationPort(), r.priority(),
                now, now.plus(validity), TriggerState.ACCEPTED, null);
    }

    private CompletionStage<DeviceTrigger> keep(DeviceTrigger before, DeviceTrigger after) {
        return store.put(after).thenApply(v -> {
            observer.stateChanged(before, after);
            return after;
        });
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    private static DeviceActionResult internalFailure(Throwable failure) {
        return DeviceActionResult.of(RequestStatus.TEMPORARYERROR, "internal failure: " + rootMessage(failure));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
