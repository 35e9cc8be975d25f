package org.mtcgate.filter.trigger;

/**
 * What one SM can carry of a trigger payload (TS 23.040 9.2.3.16, 9.2.3.24): 140 octets of 8-bit user data,
 * less the user data header when the SCS names an application port (UDHL 1, IEI 0x05 1, IEL 1, destination and
 * originator port 2 + 2 = 7 octets). Triggers are not concatenated, so a longer payload cannot be delivered and
 * is refused up front (INVPAYLOAD) rather than accepted and reported UNDELIVERABLE later.
 */
public final class SingleSm {
    /** TP-UDL's maximum for 8-bit data. */
    public static final int USER_DATA_OCTETS = 140;
    /** The user data header with one 16-bit application port addressing IE. */
    public static final int PORT_HEADER_OCTETS = 7;
    /** The payload one SM carries with the port header: the most a trigger may hold whatever its port. */
    public static final int MAX_PAYLOAD_WITH_PORT = USER_DATA_OCTETS - PORT_HEADER_OCTETS;

    private SingleSm() {
    }

    /** @param withPort whether the SM carries the application port header */
    public static int maxPayload(boolean withPort) {
        return withPort ? MAX_PAYLOAD_WITH_PORT : USER_DATA_OCTETS;
    }
}
