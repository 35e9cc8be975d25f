package org.mtcgate.filter.smsc;

/** The final outcome of a held SM, reported once to whoever submitted it. */
public enum SmOutcome {
    DELIVERED,
    /** Its validity ended before the UE could be reached. */
    EXPIRED,
    /** The network refused it for good (unknown subscriber, barred, protocol error). */
    UNDELIVERABLE
}
