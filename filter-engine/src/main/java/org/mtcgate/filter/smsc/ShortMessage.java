package org.mtcgate.filter.smsc;

import java.util.Arrays;

/**
 * What the UE receives: TP-PID, TP-DCS, the destination application port (16-bit port addressing IE) or -1, and
 * the user data. The delivery adapter writes the TPDU from it; the SMS-SC itself never looks inside.
 *
 * @param userDataHeader whether userData starts with a TP-User-Data-Header (UDHL and IEs, TS 23.040 9.2.3.24) the
 *                       submitter wrote, as an SME's esm_class UDHI says: the TPDU then carries TP-UDHI and the
 *                       header as it is (a concatenation IE, a port IE), and applicationPort is -1 (a port goes in
 *                       that header, never in a second one)
 */
public record ShortMessage(int protocolId, int dataCoding, int applicationPort, boolean priority, byte[] userData,
                           boolean userDataHeader) {
    public ShortMessage {
        userData = userData.clone();
        if (userDataHeader && (userData.length == 0 || 1 + (userData[0] & 0xFF) > userData.length)) {
            throw new IllegalArgumentException("user data said to start with a header has none that fits");
        }
        if (userDataHeader && applicationPort >= 0) {
            throw new IllegalArgumentException("an SM with its own user data header carries its port in it");
        }
    }

    /** An SM without a header of its own (the delivery adapter writes the port IE, if any). */
    public ShortMessage(int protocolId, int dataCoding, int applicationPort, boolean priority, byte[] userData) {
        this(protocolId, dataCoding, applicationPort, priority, userData, false);
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    public int length() {
        return userData.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShortMessage m && m.protocolId == protocolId && m.dataCoding == dataCoding
                && m.applicationPort == applicationPort && m.priority == priority && m.userDataHeader == userDataHeader
                && Arrays.equals(m.userData, userData);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(userData) + protocolId;
    }

    @Override
    public String toString() {
        return "PID 0x" + Integer.toHexString(protocolId) + ", " + userData.length + " octets"
                + (userDataHeader ? " with a UDH" : ", port " + applicationPort);
    }
}
