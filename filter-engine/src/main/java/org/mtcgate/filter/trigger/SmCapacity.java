package org.mtcgate.filter.trigger;

/**
 * What SMs can carry of a trigger payload (TS 23.040 9.2.3.16, 9.2.3.24): 140 octets of 8-bit user data per SM,
 * less the user data header: the 16-bit application port IE (UDHL 1 + 6 = 7 octets) when the SCS names a port,
 * and, for a payload longer than one SM, the 16-bit concatenation IE (6 more) in every segment. TS 23.682 5.2.1
 * leaves segmentation to the SMS-SC; at most 255 segments make one concatenated SM.
 */
public final class SmCapacity {
    /** TP-UDL's maximum for 8-bit data. */
    public static final int USER_DATA_OCTETS = 140;
    /** The user data header with one 16-bit application port addressing IE. */
    public static final int PORT_HEADER_OCTETS = 7;
    /** A 16-bit concatenation IE (IEI 0x08, length, reference 2, total, sequence). */
    public static final int CONCATENATION_IE_OCTETS = 6;
    /** One SM with the port header. */
    public static final int MAX_PAYLOAD_WITH_PORT = USER_DATA_OCTETS - PORT_HEADER_OCTETS;
    /** One segment of a concatenated SM with the port header in it. */
    public static final int SEGMENT_WITH_PORT = MAX_PAYLOAD_WITH_PORT - CONCATENATION_IE_OCTETS;
    public static final int MAX_SEGMENTS = 255;
    /** The most a concatenated SM carries with the port in every segment: the bound for any trigger. */
    public static final int MAX_PAYLOAD = MAX_SEGMENTS * SEGMENT_WITH_PORT;
    /** The MTC-IWF's default bound: eight segments, room for a protected trigger with its GBA Push information. */
    public static final int DEFAULT_MAX_PAYLOAD = 8 * SEGMENT_WITH_PORT;

    private SmCapacity() {
    }
}
