package org.mtcgate.map.stack;

/**
 * What carries M3UA. SCTP is the standard (RFC 4666); TCP is jSS7's own framing, understood only by jSS7
 * peers, and is what runs on hosts whose kernel has no SCTP.
 */
public enum Transport {
    SCTP,
    TCP
}
