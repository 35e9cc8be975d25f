package org.mtcgate.filter.trigger;

import org.mtcgate.filter.Ingress;

import java.time.Duration;
import java.util.Objects;

/**
 * A Device-Action from an SCS (TS 29.368 6.2.2 DAR, Device-Action AVP 3001), stripped of Diameter.
 *
 * @param scsIdentity        the SCS as the transport authenticated it (the TLS certificate bound to Origin-Host)
 * @param claimedScsIdentity the SCS-Identity AVP, when the request carries one, else null; it must name the
 *                           authenticated SCS
 * @param actionType         trigger, recall or replace
 * @param referenceNumber    this request's Reference-Number
 * @param oldReferenceNumber the trigger to recall or replace, else null
 * @param ue                 the target UE
 * @param payload            Trigger-Data Payload (empty for a recall)
 * @param applicationPort    Application-Port-Identifier, or -1
 * @param priority           Priority-Indication: true for priority
 * @param validityTime       Validity-Time, or null for the node's default
 * @param ingress            where it came in: {@link Ingress#TSP} (Diameter) or {@link Ingress#T8} (an SCS/AS through
 *                           the SCEF); the filter takes that ingress's trusted senders
 */
public record DeviceActionRequest(String scsIdentity, String claimedScsIdentity, ActionType actionType,
                                  long referenceNumber, Long oldReferenceNumber, UeName ue, byte[] payload,
                                  int applicationPort, boolean priority, Duration validityTime, Ingress ingress) {
    public DeviceActionRequest {
        Objects.requireNonNull(scsIdentity, "scsIdentity");
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(ue, "ue");
        Objects.requireNonNull(ingress, "ingress");
        if (ingress != Ingress.TSP && ingress != Ingress.T8) {
            throw new IllegalArgumentException("a Device-Action comes over Tsp or T8, not " + ingress);
        }
        payload = payload == null ? new byte[0] : payload.clone();
    }

    /** A Device-Action over Tsp. */
    public DeviceActionRequest(String scsIdentity, String claimedScsIdentity, ActionType actionType,
                               long referenceNumber, Long oldReferenceNumber, UeName ue, byte[] payload,
                               int applicationPort, boolean priority, Duration validityTime) {
        this(scsIdentity, claimedScsIdentity, actionType, referenceNumber, oldReferenceNumber, ue, payload, applicationPort,
                priority, validityTime, Ingress.TSP);
    }

    public TriggerId triggerId() {
        return new TriggerId(scsIdentity, referenceNumber);
    }

    /** The trigger a recall or replace refers to. */
    public TriggerId oldTriggerId() {
        return oldReferenceNumber == null ? null : new TriggerId(scsIdentity, oldReferenceNumber);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }
}
