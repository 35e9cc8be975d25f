package org.mtcgate.filter.trigger;

import java.time.Duration;

/**
 * Bounds the MTC-IWF puts on triggers.
 *
 * @param maxPayloadOctets largest payload accepted; at most {@link SingleSm#MAX_PAYLOAD_WITH_PORT} (133), what one
 *                         SM with the port header carries (a trigger without a port may still use the 140 octets
 *                         of a bare SM only up to this bound: one limit for every trigger)
 * @param defaultValidity  Validity-Time when the SCS gives none
 * @param maxValidity      longest Validity-Time accepted; longer is refused with INVPERIOD
 */
public record TriggerLimits(int maxPayloadOctets, Duration defaultValidity, Duration maxValidity) {
    public static final TriggerLimits DEFAULT = new TriggerLimits(SingleSm.MAX_PAYLOAD_WITH_PORT, Duration.ofHours(1),
            Duration.ofDays(7));

    public TriggerLimits {
        if (maxPayloadOctets < 1 || maxPayloadOctets > SingleSm.MAX_PAYLOAD_WITH_PORT) {
            throw new IllegalArgumentException("max payload " + maxPayloadOctets + " is outside 1 to "
                    + SingleSm.MAX_PAYLOAD_WITH_PORT + ", what one SM with the port header carries");
        }
    }
}
