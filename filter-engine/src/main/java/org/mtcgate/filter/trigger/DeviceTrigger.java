package org.mtcgate.filter.trigger;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An accepted device trigger as the node keeps it until it is delivered, expires, is recalled or replaced.
 * Immutable: a state change makes a new value.
 *
 * @param id              SCS and Reference-Number
 * @param ue              the UE as the SCS named it
 * @param subscriber      what the HSS said of the UE (IMSI, MSISDN, serving nodes)
 * @param payload         the trigger payload, as the SMS-SC will send it
 * @param applicationPort destination application port, or -1
 * @param priority        Priority-Indication
 * @param acceptedAt      when the MTC-IWF accepted it
 * @param expiresAt       when its Validity-Time runs out
 * @param state           where it stands
 * @param outcome         the Delivery-Outcome once known, else null
 */
public record DeviceTrigger(TriggerId id, UeName ue, SubscriberInfo subscriber, byte[] payload, int applicationPort,
                            boolean priority, Instant acceptedAt, Instant expiresAt, TriggerState state,
                            DeliveryOutcome outcome) {
    public DeviceTrigger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ue, "ue");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public DeviceTrigger withState(TriggerState next, DeliveryOutcome nextOutcome) {
        return new DeviceTrigger(id, ue, subscriber, payload, applicationPort, priority, acceptedAt, expiresAt, next, nextOutcome);
    }

    /** Whether another request would put the same trigger on the air (same UE, payload, port, priority). */
    public boolean sameContentAs(DeviceTrigger other) {
        return ue.equals(other.ue) && Arrays.equals(payload, other.payload) && applicationPort == other.applicationPort
                && priority == other.priority;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceTrigger t && t.id.equals(id) && t.ue.equals(ue) && t.subscriber.equals(subscriber)
                && Arrays.equals(t.payload, payload) && t.applicationPort == applicationPort && t.priority == priority
                && t.acceptedAt.equals(acceptedAt) && t.expiresAt.equals(expiresAt) && t.state == state && t.outcome == outcome;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, outcome);
    }

    @Override
    public String toString() {
        return "trigger " + id + " to " + ue + " (" + payload.length + " octets, port " + applicationPort + ") " + state
                + (outcome == null ? "" : " " + outcome);
    }
}
