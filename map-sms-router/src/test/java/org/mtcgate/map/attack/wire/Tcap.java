package org.mtcgate.map.attack.wire;

import static org.mtcgate.map.attack.wire.Ber.cat;
import static org.mtcgate.map.attack.wire.Ber.integer;
import static org.mtcgate.map.attack.wire.Ber.oid;
import static org.mtcgate.map.attack.wire.Ber.tlv;

import org.mtcgate.map.attack.wire.Ber.Length;

/** TCAP messages (ITU-T Q.773) with a MAP dialogue portion (TS 29.002 clause 15) and components, as bytes. */
public final class Tcap {
    public static final int BEGIN = 0x62;
    public static final int END = 0x64;
    public static final int CONTINUE = 0x65;
    public static final int ABORT = 0x67;
    /** MAP application contexts (TS 29.002 17.3.3): 0.4.0.0.1.0.ac.version. */
    public static final int SHORT_MSG_GATEWAY = 20;
    public static final int SHORT_MSG_MO_RELAY = 21;
    public static final int SHORT_MSG_MT_RELAY = 25;
    public static final int NETWORK_UNSTRUCTURED_SS = 19;

    private Tcap() {
    }

    public static byte[] acn(int context, int version) {
        return oid(0, 4, 0, 0, 1, 0, context, version);
    }

    /** AARQ (Q.773 4.2.2.4) in a dialogue portion, with MAP-OPEN (no references) as user information. */
    public static byte[] dialogueRequest(byte[] acnOid) {
        byte[] mapOpen = tlv(0xA0); // MAP-OPEN [0] with neither reference
        return dialogueRequest(acnOid, mapOpen);
    }

    /** The same with {@code mapDialoguePdu} (may be malformed) as the single-ASN.1-type of the user information. */
    public static byte[] dialogueRequest(byte[] acnOid, byte[] mapDialoguePdu) {
        byte[] userInfo = tlv(0xBE, tlv(0x28, oid(0, 4, 0, 0, 1, 1, 1, 1), tlv(0xA0, mapDialoguePdu)));
        byte[] aarq = tlv(0x60, tlv(0x80, new byte[] {0x07, (byte) 0x80}), tlv(0xA1, acnOid), userInfo);
        return tlv(0x6B, tlv(0x28, oid(0, 0, 17, 773, 1, 1, 1), tlv(0xA0, aarq)));
    }

    /** Invoke (Q.773 3.2): invoke id, local operation code, parameter (already tagged, or null). */
    public static byte[] invoke(int invokeId, int opcode, byte[] parameter) {
        return tlv(0xA1, integer(0x02, invokeId), integer(0x02, opcode), parameter);
    }

    public static byte[] components(byte[]... components) {
        return tlv(0x6C, components);
    }

    public static byte[] otid(long id) {
        return tlv(0x48, id4(id));
    }

    public static byte[] dtid(long id) {
        return tlv(0x49, id4(id));
    }

    private static byte[] id4(long id) {
        return new byte[] {(byte) (id >> 24), (byte) (id >> 16), (byte) (id >> 8), (byte) id};
    }

    public static byte[] begin(long otid, byte[] dialoguePortion, byte[] componentPortion) {
        return begin(Length.MINIMAL, otid, dialoguePortion, componentPortion);
    }

    public static byte[] begin(Length form, long otid, byte[] dialoguePortion, byte[] componentPortion) {
        return tlv(form, BEGIN, otid(otid), dialoguePortion, componentPortion);
    }

    public static byte[] continueMessage(long otid, long dtid, byte[] componentPortion) {
        return tlv(CONTINUE, otid(otid), dtid(dtid), componentPortion);
    }

    public static byte[] end(long dtid, byte[] componentPortion) {
        return tlv(END, dtid(dtid), componentPortion);
    }

    public static byte[] abort(long dtid) {
        return tlv(ABORT, dtid(dtid), tlv(0x4A, new byte[] {0}));
    }

    /** A received TCAP message: its type and whole encoding. */
    public record Message(int type, byte[] bytes) {
        public static Message of(byte[] bytes) {
            return new Message(bytes[0] & 0xFF, bytes);
        }

        /** The destination transaction id, or -1. */
        public long dtid() {
            return id(0x49);
        }

        public long otid() {
            return id(0x48);
        }

        private long id(int tag) {
            for (int i = 1; i + 5 < bytes.length; i++) {
                if ((bytes[i] & 0xFF) == tag && bytes[i + 1] == 4) {
                    long v = 0;
                    for (int j = 0; j < 4; j++) {
                        v = (v << 8) | (bytes[i + 2 + j] & 0xFF);
                    }
                    return v;
                }
            }
            return -1;
        }

        /** A TC-U-ABORT carrying MAP-ProviderAbortInfo with this reason (0 abnormalDialogue, 1 invalidPDU). */
        public boolean isMapProviderAbort(int reason) {
            return type == ABORT && Ber.contains(bytes, new byte[] {(byte) 0xA5, 0x03, 0x0A, 0x01, (byte) reason});
        }

        /** A TC P-ABORT with this cause (Q.773: 1 unrecognizedTransactionID, 4 resourceLimitation). */
        public boolean isPAbort(int cause) {
            return type == ABORT && Ber.contains(bytes, new byte[] {0x4A, 0x01, (byte) cause});
        }

        /** A TC-END carrying a return error with this local error code. */
        public boolean isError(int code) {
            return type == END && Ber.contains(bytes, new byte[] {0x02, 0x01, (byte) code})
                    && Ber.contains(bytes, new byte[] {(byte) 0xA3});
        }

        /** The IMSI of an SRI-for-SM result (RoutingInfoForSM-Res: imsi first), or null. */
        public String sriResultImsi() {
            for (int i = 0; i + 6 < bytes.length; i++) {
                if (bytes[i] == 0x02 && bytes[i + 1] == 0x01 && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x30) {
                    int at = i + 4 + ((bytes[i + 4] & 0x80) != 0 ? 1 + (bytes[i + 4] & 0x7F) : 1);
                    if (bytes[at] != 0x04) {
                        return null;
                    }
                    int len = bytes[at + 1];
                    StringBuilder digits = new StringBuilder();
                    for (int j = 0; j < len; j++) {
                        int b = bytes[at + 2 + j] & 0xFF;
                        digits.append(b & 0x0F);
                        if ((b >> 4) != 0x0F) {
                            digits.append(b >> 4);
                        }
                    }
                    return digits.toString();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return String.format("%02x %s", type, Ber.hex(bytes));
        }
    }

    /** TCAP user data of the messages tests build are small; this is one built in full. */
    public static byte[] beginWithOneInvoke(long otid, byte[] acn, int invokeId, int opcode, byte[] parameter) {
        return begin(otid, dialogueRequest(acn), components(invoke(invokeId, opcode, parameter)));
    }

    static byte[] join(byte[]... parts) {
        return cat(parts);
    }
}
