package org.mtcgate.core.capture;

import java.util.Locale;

/**
 * What a captured message is, and how it is framed so that Wireshark decodes it: whole messages in SCTP DATA chunks
 * with a payload protocol identifier, or octets of a byte stream in TCP segments its heuristics recognise.
 */
public enum Protocol {
    /** RFC 6733 13.4 (IANA SCTP PPID 46 "Diameter in a DTLS/SCTP DATA chunk", which Wireshark maps to Diameter). */
    DIAMETER(46),
    /** RFC 4666 (IANA SCTP PPID 3): Wireshark then reads SCCP, TCAP, GSM MAP and the SMS TPDU. */
    M3UA(3),
    /** T8's HTTP/1.1 after TLS, as a TCP stream (Wireshark's HTTP heuristic on TCP is on by default). */
    HTTP(-1),
    /** Tsms: SMPP PDUs as a TCP stream (Wireshark's SMPP heuristic on TCP is on by default). */
    SMPP(-1);

    private final int ppid;

    Protocol(int ppid) {
        this.ppid = ppid;
    }

    /** The SCTP payload protocol identifier; only for {@link #sctp()} protocols. */
    public int ppid() {
        return ppid;
    }

    /** Whole messages in SCTP DATA chunks (true) or a byte stream in TCP segments (false). */
    public boolean sctp() {
        return ppid >= 0;
    }

    /** The word used in filters and on the console. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
