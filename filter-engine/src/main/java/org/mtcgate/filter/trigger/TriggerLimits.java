package org.mtcgate.filter.trigger;

import java.time.Duration;

/**
 * Bounds the MTC-IWF puts on triggers.
 *
 * @param maxPayloadOctets largest payload accepted (INVPAYLOAD beyond); at most {@link SmCapacity#MAX_PAYLOAD}, what
 *                         a concatenated SM of 255 segments carries with the port header in each
 * @param defaultValidity  Validity-Time when the SCS gives none
 * @param maxValidity      longest Validity-Time accepted; longer is refused with INVPERIOD
 */
public record TriggerLimits(int maxPayloadOctets, Duration defaultValidity, Duration maxValidity) {
    public static final TriggerLimits DEFAULT = new TriggerLimits(SmCapacity.DEFAULT_MAX_PAYLOAD, Duration.ofHours(1),
            Duration.ofDays(7));

    public TriggerLimits {
        if (maxPayloadOctets < 1 || maxPayloadOctets > SmCapacity.MAX_PAYLOAD) {
            throw new IllegalArgumentException("max payload " + maxPayloadOctets + " is outside 1 to "
                    + SmCapacity.MAX_PAYLOAD + ", what a concatenated SM carries");
        }
    }
}
