package org.mtcgate.map.dialog;

/**
 * Bounds on what received dialogs may hold (config {@code ss7.max-incoming-dialogs},
 * {@code ss7.max-incoming-dialogs-per-peer}, {@code ss7.unanswered-dialog-timeout}).
 *
 * @param maxIncoming           open incoming dialogs in the whole node; beyond it a TC-BEGIN gets a P-ABORT
 *                              (resourceLimitation). Kept below jSS7's TCAP dialog table (5000) so that the
 *                              node's own outgoing legs always find room
 * @param maxIncomingPerPeer    open incoming dialogs from one adjacent peer, so that one link cannot take all
 * @param unansweredAfterMillis a received dialog that no handler took on and nobody ended is aborted this long
 *                              after its TC-BEGIN, instead of waiting for the TCAP idle timer
 */
public record DialogLimits(int maxIncoming, int maxIncomingPerPeer, long unansweredAfterMillis) {
    /** jSS7's TCAP dialog table size (TCAPStackImpl._MAX_DIALOGS), which holds incoming and outgoing dialogs. */
    public static final int TCAP_DIALOGS = 5000;
    public static final DialogLimits DEFAULT = new DialogLimits(2000, 1000, 2000);

    public DialogLimits {
        if (maxIncoming < 1 || maxIncoming >= TCAP_DIALOGS) {
            throw new IllegalArgumentException("max incoming dialogs must be 1.." + (TCAP_DIALOGS - 1)
                    + " (TCAP's table also holds the node's own dialogs), not " + maxIncoming);
        }
        if (maxIncomingPerPeer < 1 || maxIncomingPerPeer > maxIncoming) {
            throw new IllegalArgumentException("max incoming dialogs per peer must be 1.." + maxIncoming + ", not "
                    + maxIncomingPerPeer);
        }
        if (unansweredAfterMillis < 100) {
            throw new IllegalArgumentException("unanswered dialog timeout must be at least 100 ms");
        }
    }
}
