package org.mtcgate.map.stack;

/**
 * What carries M3UA. SCTP is the standard (RFC 4666); TCP is jSS7's own framing, understood only by jSS7
 * peers, and is what runs on hosts whose kernel has no SCTP. With Netty 4.1 jSS7's sctp-impl 2.0.16 cannot
 * run SCTP at all (see SctpSupport): selecting it makes stack assembly fail with an explanation.
 */
public enum Transport {
    SCTP,
    TCP
}
