package org.mtcgate.core.capture;

import java.util.Locale;

/** What a captured message is, and the SCTP payload protocol identifier that makes Wireshark decode it as such. */
public enum Protocol {
    /** RFC 6733 13.4 (IANA SCTP PPID 46 "Diameter in a DTLS/SCTP DATA chunk", which Wireshark maps to Diameter). */
    DIAMETER(46),
    /** RFC 4666 (IANA SCTP PPID 3): Wireshark then reads SCCP, TCAP, GSM MAP and the SMS TPDU. */
    M3UA(3);

    private final int ppid;

    Protocol(int ppid) {
        this.ppid = ppid;
    }

    public int ppid() {
        return ppid;
    }

    /** The word used in filters and on the console. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
