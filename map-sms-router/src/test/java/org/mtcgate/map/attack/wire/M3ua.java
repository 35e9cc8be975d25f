package org.mtcgate.map.attack.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * M3UA messages (RFC 4666 3.1-3.8). jSS7 carries them over TCP exactly as over SCTP, one after the other with
 * nothing between them (no stream ids, no extra framing): its TCP reader cuts the byte stream on the length in
 * each common header (AspFactoryImpl.processPayload).
 */
public final class M3ua {
    public static final int CLASS_MGMT = 0;
    public static final int CLASS_TRANSFER = 1;
    public static final int CLASS_ASPSM = 3;
    public static final int CLASS_ASPTM = 4;
    public static final int DATA = 1;
    public static final int ASPUP = 1;
    public static final int BEAT = 3;
    public static final int ASPUP_ACK = 4;
    public static final int BEAT_ACK = 6;
    public static final int ASPAC = 1;
    public static final int ASPAC_ACK = 3;
    public static final int NTFY = 1;
    private static final int TAG_ROUTING_CONTEXT = 0x0006;
    private static final int TAG_TRAFFIC_MODE = 0x000B;
    private static final int TAG_PROTOCOL_DATA = 0x0210;

    private M3ua() {
    }

    public static byte[] message(int messageClass, int type, byte[]... parameters) {
        int length = 8;
        for (byte[] p : parameters) {
            length += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put((byte) 1).put((byte) 0).put((byte) messageClass).put((byte) type).putInt(length);
        for (byte[] p : parameters) {
            b.put(p);
        }
        return b.array();
    }

    /** A parameter: tag, length (without padding), value, padded to 4 octets. */
    public static byte[] parameter(int tag, byte[] value) {
        int padded = (value.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(4 + padded);
        b.putShort((short) tag).putShort((short) (4 + value.length)).put(value);
        return b.array();
    }

    public static byte[] routingContext(long rc) {
        return parameter(TAG_ROUTING_CONTEXT, ByteBuffer.allocate(4).putInt((int) rc).array());
    }

    public static byte[] aspUp() {
        return message(CLASS_ASPSM, ASPUP);
    }

    /** ASPAC for one routing context, loadshare (traffic mode 2), as jSS7's IPSP client sends it. */
    public static byte[] aspActive(long rc) {
        return message(CLASS_ASPTM, ASPAC, parameter(TAG_TRAFFIC_MODE, ByteBuffer.allocate(4).putInt(2).array()),
                routingContext(rc));
    }

    /** DATA: routing context, then Protocol Data (OPC, DPC, SI, NI, MP, SLS, user part). */
    public static byte[] data(long rc, int opc, int dpc, int si, int ni, int mp, int sls, byte[] userPart) {
        ByteBuffer pd = ByteBuffer.allocate(12 + userPart.length);
        pd.putInt(opc).putInt(dpc).put((byte) si).put((byte) ni).put((byte) mp).put((byte) sls).put(userPart);
        return message(CLASS_TRANSFER, DATA, routingContext(rc), parameter(TAG_PROTOCOL_DATA, pd.array()));
    }

    /** The user part of a received DATA message (the SCCP message), or null when it has no Protocol Data. */
    public static byte[] userPart(byte[] message) {
        int at = 8;
        while (at + 4 <= message.length) {
            int tag = ((message[at] & 0xFF) << 8) | (message[at + 1] & 0xFF);
            int len = ((message[at + 2] & 0xFF) << 8) | (message[at + 3] & 0xFF);
            if (tag == TAG_PROTOCOL_DATA) {
                return Arrays.copyOfRange(message, at + 4 + 12, at + len);
            }
            at += (len + 3) & ~3;
        }
        return null;
    }

    public static int messageClass(byte[] message) {
        return message[2] & 0xFF;
    }

    public static int type(byte[] message) {
        return message[3] & 0xFF;
    }
}
