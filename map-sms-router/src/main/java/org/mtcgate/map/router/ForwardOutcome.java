package org.mtcgate.map.router;

/**
 * What became of an MT SM the filter allowed and the router forwarded to the serving node; the same answer went
 * back to the sending SMSC.
 *
 * @param result       delivered, refused with a MAP error, or failed without one
 * @param mapErrorCode the serving node's MAP error code (TS 29.002 17.6, e.g. 6 absentSubscriberSM, 32
 *                     sm-DeliveryFailure) when {@code result} is MAP_ERROR, else -1
 * @param servingNode  the MSC or SGSN number it was sent to
 * @param detail       a short description for logs
 */
public record ForwardOutcome(Result result, long mapErrorCode, String servingNode, String detail) {
    /** How the MT-ForwardSM to the serving node ended. */
    public enum Result { DELIVERED, MAP_ERROR, FAILED }

    public boolean delivered() {
        return result == Result.DELIVERED;
    }
}
