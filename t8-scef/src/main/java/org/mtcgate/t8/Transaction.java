package org.mtcgate.t8;

import org.mtcgate.filter.trigger.TriggerId;

import java.time.Instant;
import java.util.Objects;

/**
 * One "Individual Device Triggering Transaction" resource: whose it is, its id, the trigger that currently stands for
 * it at the MTC-IWF (a replace moves it to a new Reference-Number), what was asked, the latest DeliveryResult and
 * whether a delivery report of it is still to be sent to the SCS/AS.
 */
record Transaction(String scsAsId, String id, TriggerId trigger, TriggerContent content, String deliveryResult,
                   Instant keepUntil, boolean reportPending) {
    Transaction {
        Objects.requireNonNull(scsAsId, "scsAsId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(content, "content");
    }

    Transaction(String scsAsId, String id, TriggerId trigger, TriggerContent content, String deliveryResult, Instant keepUntil) {
        this(scsAsId, id, trigger, content, deliveryResult, keepUntil, false);
    }

    Transaction withResult(String result) {
        return new Transaction(scsAsId, id, trigger, content, result, keepUntil, reportPending);
    }

    /** The MTC-IWF reported {@code result}: it is to be sent to the notificationDestination. */
    Transaction withReport(String result) {
        return new Transaction(scsAsId, id, trigger, content, result, keepUntil, true);
    }

    /** Its report was sent (or given up on): nothing more to send. */
    Transaction reported() {
        return new Transaction(scsAsId, id, trigger, content, deliveryResult, keepUntil, false);
    }

    /** A replacement reported before its PUT was answered: the transaction stands for it from now on. */
    Transaction withTrigger(TriggerId next) {
        return new Transaction(scsAsId, id, next, content, deliveryResult, keepUntil, reportPending);
    }

    Transaction replacedBy(TriggerId next, TriggerContent newContent, Instant until) {
        return new Transaction(scsAsId, id, next, newContent, DeliveryResults.REPLACED, until, false);
    }

    /** The resource as the SCS/AS reads it. */
    DeviceTriggeringBody resource(String self) {
        return content.body().withSelf(self, deliveryResult);
    }
}
