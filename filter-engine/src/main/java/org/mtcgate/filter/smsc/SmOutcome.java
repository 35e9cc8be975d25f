package org.mtcgate.filter.smsc;

/** The final outcome of a held SM, reported once to whoever submitted it. */
public enum SmOutcome {
    DELIVERED,
    /** Its validity ended before the UE could be reached (absent, or never tried). */
    EXPIRED,
    /**
     * Its validity ended while the last attempt failed for a reason that might have passed (UE memory full, busy,
     * network failure, no answer) rather than the UE's absence: TS 29.368's TEMPORARYERROR.
     */
    TEMPORARY_ERROR,
    /** The network refused it for good (unknown subscriber, barred, protocol error). */
    UNDELIVERABLE
}
