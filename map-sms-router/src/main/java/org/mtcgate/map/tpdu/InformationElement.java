package org.mtcgate.map.tpdu;

import java.util.Arrays;

/**
 * One information element of the TP-User-Data-Header (TS 23.040 9.2.3.24): IEI, length, data.
 *
 * @param identifier IEI, 0..255
 * @param data       IEDa, at most 255 octets
 */
public record InformationElement(int identifier, byte[] data) {
    /** Concatenated short message, 8-bit reference (9.2.3.24.1). */
    public static final int IEI_CONCATENATION_8BIT = 0x00;
    /** Concatenated short message, 16-bit reference (9.2.3.24.8). */
    public static final int IEI_CONCATENATION_16BIT = 0x08;
    /** Application port addressing, 8-bit ports (9.2.3.24.3). */
    public static final int IEI_APPLICATION_PORT_8BIT = 0x04;
    /** Application port addressing, 16-bit ports (9.2.3.24.4). */
    public static final int IEI_APPLICATION_PORT_16BIT = 0x05;
    /** (U)SIM toolkit security headers: command packet of an SMS-PP OTA message (TS 31.115, ETSI TS 102 225). */
    public static final int IEI_OTA_COMMAND_PACKET = 0x70;
    /** (U)SIM toolkit security headers: response packet (TS 31.115). */
    public static final int IEI_OTA_RESPONSE_PACKET = 0x71;

    public InformationElement {
        if (identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("IEI " + identifier + " is not one octet");
        }
        if (data.length > 255) {
            throw new IllegalArgumentException("IE data of " + data.length + " octets exceeds 255");
        }
        data = data.clone();
    }

    /** IEI 0x05 (9.2.3.24.4): destination port then originator port, each two octets, big-endian. */
    public static InformationElement applicationPort16(int destinationPort, int originatorPort) {
        checkPort(destinationPort, 0xFFFF);
        checkPort(originatorPort, 0xFFFF);
        return new InformationElement(IEI_APPLICATION_PORT_16BIT, new byte[] {
            (byte) (destinationPort >>> 8), (byte) destinationPort,
            (byte) (originatorPort >>> 8), (byte) originatorPort});
    }

    /** IEI 0x04 (9.2.3.24.3): destination port then originator port, one octet each. */
    public static InformationElement applicationPort8(int destinationPort, int originatorPort) {
        checkPort(destinationPort, 0xFF);
        checkPort(originatorPort, 0xFF);
        return new InformationElement(IEI_APPLICATION_PORT_8BIT,
                new byte[] {(byte) destinationPort, (byte) originatorPort});
    }

    /** IEI 0x00 (9.2.3.24.1): reference, total, sequence, one octet each. */
    public static InformationElement concatenation8(int reference, int total, int sequence) {
        return new InformationElement(IEI_CONCATENATION_8BIT, new byte[] {(byte) reference, (byte) total, (byte) sequence});
    }

    /**
     * IEI 0x70 (TS 31.115 clause 4): its IEDL is 0 and the command packet follows the header in TP-UD.
     */
    /** Concatenated SM, 16-bit reference (IEI 0x08, TS 23.040 9.2.3.24.8). */
    public static InformationElement concatenation16(int reference, int total, int sequence) {
        if (reference < 0 || reference > 0xFFFF || total < 1 || total > 255 || sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("concatenation " + reference + " " + sequence + "/" + total);
        }
        return new InformationElement(IEI_CONCATENATION_16BIT,
                new byte[] {(byte) (reference >> 8), (byte) reference, (byte) total, (byte) sequence});
    }

    public static InformationElement otaCommandPacket() {
        return new InformationElement(IEI_OTA_COMMAND_PACKET, new byte[0]);
    }

    private static void checkPort(int port, int max) {
        if (port < 0 || port > max) {
            throw new IllegalArgumentException("port " + port + " is out of 0.." + max);
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int length() {
        return data.length;
    }

    void writeTo(java.io.ByteArrayOutputStream out) {
        out.write(identifier);
        out.write(data.length);
        out.writeBytes(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InformationElement ie && ie.identifier == identifier && Arrays.equals(ie.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * identifier + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("IE[%02X:%s]", identifier, Hex.of(data));
    }
}
