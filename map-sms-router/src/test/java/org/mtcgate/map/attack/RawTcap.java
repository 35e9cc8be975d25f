package org.mtcgate.map.attack;

import java.io.ByteArrayOutputStream;

/**
 * Hand-built SCCP UDT (ITU-T Q.713 4.10) carrying hand-built TCAP messages (Q.773) that name a transaction by its
 * destination ID: what a peer guessing the ID of someone else's dialog would send. Addresses are E.164 GTs
 * (GTI 0100, route on GT) with an SSN. Test code only.
 */
final class RawTcap {
    private RawTcap() {
    }

    /** TC-END with only a destination transaction ID. */
    static byte[] end(long dtid) {
        return tlv(0x64, tlv(0x49, id(dtid)));
    }

    /** TC-CONTINUE from a made-up originating ID to {@code dtid}. */
    static byte[] continueTo(long otid, long dtid) {
        return tlv(0x65, concat(tlv(0x48, id(otid)), tlv(0x49, id(dtid))));
    }

    /** TC-ABORT (P-ABORT, cause resourceLimitation) to {@code dtid}. */
    static byte[] abort(long dtid) {
        return tlv(0x67, concat(tlv(0x49, id(dtid)), tlv(0x4A, new byte[] {4})));
    }

    /** A UDT, protocol class 0, from {@code callingGt}/{@code callingSsn} to {@code calledGt}/{@code calledSsn}. */
    static byte[] udt(String calledGt, int calledSsn, String callingGt, int callingSsn, byte[] data) {
        byte[] called = address(calledGt, calledSsn);
        byte[] calling = address(callingGt, callingSsn);
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(0x09); // UDT
        m.write(0x00); // class 0, no return on error
        m.write(3); // pointer to the called party address, from this octet
        m.write(2 + 1 + called.length);
        m.write(1 + 1 + called.length + 1 + calling.length);
        m.write(called.length);
        m.writeBytes(called);
        m.write(calling.length);
        m.writeBytes(calling);
        m.write(data.length);
        m.writeBytes(data);
        return m.toByteArray();
    }

    private static byte[] address(String digits, int ssn) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.write(0x12); // route on GT, GTI 0100, SSN present, no PC
        a.write(ssn);
        a.write(0x00); // translation type
        a.write(0x10 | (digits.length() % 2 == 1 ? 1 : 2)); // ISDN numbering plan, BCD odd/even
        a.write(0x04); // international
        for (int i = 0; i < digits.length(); i += 2) {
            int low = digits.charAt(i) - '0';
            int high = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
            a.write((high << 4) | low);
        }
        return a.toByteArray();
    }

    private static byte[] id(long v) {
        return RawM3uaPeer.int32(v);
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(tag);
        b.write(value.length); // every message here is shorter than 128 octets
        b.writeBytes(value);
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }
}
