package org.mtcgate.filter.trigger;

import java.time.Duration;

/**
 * Bounds the MTC-IWF puts on triggers.
 *
 * @param maxPayloadOctets largest payload accepted (one SM's user data less the port header is 134 octets;
 *                         longer payloads would need concatenation, which triggers do not use)
 * @param defaultValidity  Validity-Time when the SCS gives none
 * @param maxValidity      longest Validity-Time accepted; longer is refused with INVPERIOD
 */
public record TriggerLimits(int maxPayloadOctets, Duration defaultValidity, Duration maxValidity) {
    public static final TriggerLimits DEFAULT = new TriggerLimits(134, Duration.ofHours(1), Duration.ofDays(7));
}
