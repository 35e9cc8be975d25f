package org.mtcgate.diameter.peer;

import java.time.Duration;

/**
 * Bounds on requests being handled and not yet answered (config {@code diameter.overload.*}).
 *
 * @param maxPendingPerPeer requests one peer may have pending; beyond it 3004, so one peer's flood fills
 *                          only its own share
 * @param maxPendingTotal   requests all peers together may have pending; beyond it 3004 to everyone
 * @param doicReduction     OC-Reduction-Percentage asked of a DOIC peer over its share (RFC 7683 7.6)
 * @param doicValidity      OC-Validity-Duration of such a report (RFC 7683 7.4)
 */
public record OverloadSettings(int maxPendingPerPeer, int maxPendingTotal, int doicReduction, Duration doicValidity) {
    public static final OverloadSettings DEFAULT = new OverloadSettings(1000, 10_000, 50, Duration.ofSeconds(10));

    public OverloadSettings {
        if (maxPendingPerPeer < 1 || maxPendingTotal < 1) {
            throw new IllegalArgumentException("overload limits must be positive");
        }
        if (doicReduction < 0 || doicReduction > 100) {
            throw new IllegalArgumentException("doic reduction " + doicReduction + " is not a percentage");
        }
        if (doicValidity.isNegative() || doicValidity.toSeconds() > 86_400) {
            throw new IllegalArgumentException("doic validity " + doicValidity + " not within 0..86400 s");
        }
    }

    /**
     * The pending count from which a peer is "over its share" and DOIC peers get an OLR: three quarters of
     * its bound, so a reacting node can slow down before it meets 3004.
     */
    int peerHighWater() {
        return Math.max(1, maxPendingPerPeer * 3 / 4);
    }

    int totalHighWater() {
        return Math.max(1, maxPendingTotal * 3 / 4);
    }
}
