package org.mtcgate.filter.trigger;

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
 */
public record DeviceActionRequest(String scsIdentity, String claimedScsIdentity, ActionType actionType,
                                  long referenceNumber, Long oldReferenceNumber, UeName ue, byte[] payload,
                                  int applicationPort, boolean priority, Duration validityTime) {
    public DeviceActionRequest {
        Objects.requireNonNull(scsIdentity, "scsIdentity");
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(ue, "ue");
        payload = payload == null ? new byte[0] : payload.clone();
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
