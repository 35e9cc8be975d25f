package org.mtcgate.filter.trigger;

import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmOutcome;
import org.mtcgate.filter.smsc.SmOutcomeListener;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.filter.smsc.SmsScResult;
import org.mtcgate.filter.smsc.StoreAndForward;

import java.util.concurrent.CompletionStage;

/**
 * The boundary between device triggering and an SMS-SC in the same process (the node's own SMS-SC, or its T4
 * server for triggers from other MTC-IWFs): a trigger becomes the SM that carries it (TS 23.682 5.2.1, TS 23.040
 * 9.2.3.9: TP-PID 0x48, 8-bit data, the application port in a 16-bit port addressing IE) and the SMS-SC's
 * answers and outcomes become the trigger procedure's Request-Status and Delivery-Outcome.
 */
public final class SmsScSubmitter implements TriggerSubmitter {
    /** 8-bit data, no message class: the usual coding for trigger payloads (no DCS is mandated). */
    public static final int DCS_8BIT = 0x04;

    private final StoreAndForward smsc;

    public SmsScSubmitter(StoreAndForward smsc) {
        this.smsc = smsc;
    }

    /** The SM that carries {@code trigger}, named by its SCS and Reference-Number. */
    public static HeldSm heldSm(DeviceTrigger trigger) {
        SubscriberInfo s = trigger.subscriber();
        return HeldSm.held(smId(trigger.id()), new SmRecipient(s.imsi(), s.msisdn(), s.servingNodes()),
                new ShortMessage(MessageKind.PID_DEVICE_TRIGGER, DCS_8BIT, trigger.applicationPort(), trigger.priority(),
                        trigger.payload()), trigger.acceptedAt(), trigger.expiresAt());
    }

    public static SmId smId(TriggerId id) {
        return new SmId(id.scsIdentity(), id.referenceNumber());
    }

    public static TriggerId triggerId(SmId id) {
        return new TriggerId(id.submitter(), id.reference());
    }

    /** Delivery-Outcome (TS 29.368) of an SM outcome. */
    public static DeliveryOutcome deliveryOutcome(SmOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> DeliveryOutcome.SUCCESS;
            case EXPIRED -> DeliveryOutcome.EXPIRED;
            case TEMPORARY_ERROR -> DeliveryOutcome.TEMPORARYERROR;
            case UNDELIVERABLE -> DeliveryOutcome.UNDELIVERABLE;
        };
    }

    /** Passes the SMS-SC's outcomes on to a listener of trigger delivery reports. */
    public static SmOutcomeListener reportingTo(DeliveryReportListener listener) {
        return (id, outcome) -> listener.onDeliveryReport(triggerId(id), deliveryOutcome(outcome));
    }

    @Override
    public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
        return smsc.submit(heldSm(trigger)).thenApply(r -> result(r, RequestStatus.PERMANENTERROR));
    }

    @Override
    public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
        return smsc.recall(smId(pending.id())).thenApply(r -> result(r, RequestStatus.RECALLFAIL));
    }

    @Override
    public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
        return smsc.replace(smId(original.id()), heldSm(replacement)).thenApply(r -> result(r, RequestStatus.REPLACEFAIL));
    }

    /** @param notPending the status when nothing is pending under the id (it depends on the action) */
    private static SubmissionResult result(SmsScResult r, RequestStatus notPending) {
        return switch (r.kind()) {
            case ACCEPTED -> SubmissionResult.accepted();
            case STORE_FAILED -> SubmissionResult.refused(RequestStatus.TEMPORARYERROR, r.detail());
            case ID_IN_USE -> SubmissionResult.refused(RequestStatus.PERMANENTERROR, r.detail());
            case NOT_PENDING -> SubmissionResult.refused(notPending, r.detail());
            case ALREADY_DELIVERED -> SubmissionResult.refused(RequestStatus.ORIGINALMESSAGESENT, r.detail());
        };
    }
}
