package org.mtcgate.filter.smsc;

import java.util.Arrays;

/**
 * What the UE receives: TP-PID, TP-DCS, the destination application port (16-bit port addressing IE) or -1, and
 * the user data. The delivery adapter writes the TPDU from it; the SMS-SC itself never looks inside.
 */
public record ShortMessage(int protocolId, int dataCoding, int applicationPort, boolean priority, byte[] userData) {
    public ShortMessage {
        userData = userData.clone();
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
                && m.applicationPort == applicationPort && m.priority == priority && Arrays.equals(m.userData, userData);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(userData) + protocolId;
    }

    @Override
    public String toString() {
        return "PID 0x" + Integer.toHexString(protocolId) + ", " + userData.length + " octets, port " + applicationPort;
    }
}
