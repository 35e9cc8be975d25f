package org.mtcgate.filter.smsc;

import java.util.Arrays;

/**
 * What the UE receives: TP-PID, TP-DCS, the destination application port (16-bit port addressing IE) or -1, the
 * user data, and what an SM relayed for someone else keeps of its origin. The delivery adapter writes the TPDU from
 * it; the SMS-SC itself never looks inside.
 *
 * @param userData   the TP-UD body in the unit TP-UDL counts for the alphabet of {@code dataCoding}: one septet value
 *                   per byte for the GSM 7-bit alphabet, octets for 8-bit data and UCS2
 * @param header     the information elements of the user data header as they go on the air (IEI, length, data, ...)
 *                   without the UDHL, or empty; a port given as {@code applicationPort} is added to them
 * @param originator TP-OA the UE sees (the sender of a relayed SM), or null for the SMS-SC's own originator address
 */
public record ShortMessage(int protocolId, int dataCoding, int applicationPort, boolean priority, byte[] userData,
                           byte[] header, String originator) {
    public ShortMessage {
        userData = userData.clone();
        header = header == null ? new byte[0] : header.clone();
    }

    /** An SM of the SMS-SC's own (a trigger): no header but the port, from the SMS-SC's originator address. */
    public ShortMessage(int protocolId, int dataCoding, int applicationPort, boolean priority, byte[] userData) {
        this(protocolId, dataCoding, applicationPort, priority, userData, null, null);
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    public int length() {
        return userData.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShortMessage m && m.protocolId == protocolId && m.dataCoding == dataCoding
                && m.applicationPort == applicationPort && m.priority == priority && Arrays.equals(m.userData, userData)
                && Arrays.equals(m.header, header) && java.util.Objects.equals(m.originator, originator);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(userData) + protocolId;
    }

    @Override
    public String toString() {
        return "PID 0x" + Integer.toHexString(protocolId) + ", " + userData.length + (dataCoding == 0 ? " septets" : " octets")
                + ", port " + applicationPort + (originator == null ? "" : ", from " + originator);
    }
}
