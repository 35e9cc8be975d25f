package org.mtcgate.filter.trigger;

import java.util.Objects;

/**
 * What the MTC-IWF tells the SCS after the DAA (TS 29.368 DNR with Device-Notification AVP 3002): the final
 * Delivery-Outcome of a trigger.
 */
public record DeviceNotification(TriggerId trigger, UeName ue, ActionType actionType, DeliveryOutcome outcome) {
    public DeviceNotification {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(ue, "ue");
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(outcome, "outcome");
    }
}
