package org.mtcgate.map.attack.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** SCCP connectionless messages (ITU-T Q.713 4.10, 4.18, 4.20) with E.164 GTs, as tests send and read them. */
public final class Sccp {
    public static final int UDT = 0x09;
    public static final int XUDT = 0x11;
    public static final int LUDT = 0x13;

    private Sccp() {
    }

    /** Called/calling party address (Q.713 3.4): routed on GT, GTI 4 (TT 0, E.164, international), with SSN. */
    public static byte[] address(String gt, int ssn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x12); // RI=GT, GTI=0100, SSN present, no PC
        out.write(ssn);
        out.write(0x00); // translation type
        out.write(0x10 | (gt.length() % 2 == 1 ? 1 : 2)); // E.164, BCD odd/even
        out.write(0x04); // international
        out.writeBytes(Ber.tbcd(gt).clone());
        byte[] body = out.toByteArray();
        // SCCP BCD is the same nibble order as TBCD; the odd filler must be 0, not F
        if (gt.length() % 2 == 1) {
            body[body.length - 1] &= 0x0F;
        }
        return body;
    }

    /** A UDT, protocol class 0. */
    public static byte[] udt(byte[] called, byte[] calling, byte[] data) {
        if (data.length > 255) {
            throw new IllegalArgumentException("UDT data is at most 255 octets; use ludt");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(UDT);
        out.write(0x00);
        out.write(3);
        out.write(3 + called.length);
        out.write(3 + called.length + 1 + calling.length - 1);
        out.write(called.length);
        out.writeBytes(called);
        out.write(calling.length);
        out.writeBytes(calling);
        out.write(data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** An LUDT (two-octet pointers and length, least significant first, as jSS7 reads them), class 0. */
    public static byte[] ludt(byte[] called, byte[] calling, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(LUDT);
        out.write(0x00);
        out.write(15); // hop counter
        int calledAt = 11;
        int callingAt = calledAt + 1 + called.length;
        int dataAt = callingAt + 1 + calling.length;
        writeLe(out, calledAt - 1 - 3);
        writeLe(out, callingAt - 1 - 5);
        writeLe(out, dataAt - 1 - 7);
        writeLe(out, 0);
        out.write(called.length);
        out.writeBytes(called);
        out.write(calling.length);
        out.writeBytes(calling);
        writeLe(out, data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void writeLe(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    /** The user data of a received UDT or XUDT, or null for anything else. */
    public static byte[] userData(byte[] sccp) {
        int type = sccp[0] & 0xFF;
        int pointerAt;
        if (type == UDT) {
            pointerAt = 4;
        } else if (type == XUDT) {
            pointerAt = 5;
        } else {
            return null;
        }
        int at = pointerAt + (sccp[pointerAt] & 0xFF);
        int len = sccp[at] & 0xFF;
        return Arrays.copyOfRange(sccp, at + 1, at + 1 + len);
    }
}
