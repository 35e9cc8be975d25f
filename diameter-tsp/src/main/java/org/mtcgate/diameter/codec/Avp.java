package org.mtcgate.diameter.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One Diameter AVP (RFC 6733 4.1), immutable. The value is kept as raw octets; typed views
 * ({@link #unsigned32()}, {@link #utf8()}, {@link #groupedAvps()}) decode on demand, so a
 * received AVP keeps exactly the bytes the peer sent (needed for Failed-AVP).
 */
public final class Avp {
    public static final int FLAG_VENDOR = 0x80;
    public static final int FLAG_MANDATORY = 0x40;
    public static final int FLAG_PROTECTED = 0x20;
    /** RFC 6733 4.1: the other five bits are reserved and MUST be zero. */
    public static final int FLAGS_RESERVED = 0x1F;

    private final int code;
    private final int flags;
    private final long vendorId;
    private final byte[] data;
    /**
     * The Grouped value's AVPs once parsed: the validator, the binding checks and the application each ask
     * for them. Racy single-check caching is safe here: the list is immutable and built from final fields.
     */
    private List<Avp> grouped;

    private Avp(int code, int flags, long vendorId, byte[] data) {
        this.code = code;
        this.flags = flags & 0xFF;
        this.vendorId = vendorId;
        this.data = data;
    }

    /** Wraps decoded fields as they were on the wire; the array is copied. */
    public static Avp raw(int code, int flags, long vendorId, byte[] data) {
        return new Avp(code, flags, vendorId, data.clone());
    }

    /** For the parser, which hands over a fresh array of its own. */
    static Avp owning(int code, int flags, long vendorId, byte[] data) {
        return new Avp(code, flags, vendorId, data);
    }

    public static Builder builder(int code) {
        return new Builder(code);
    }

    public int code() {
        return code;
    }

    public int flags() {
        return flags;
    }

    public boolean isVendorSpecific() {
        return (flags & FLAG_VENDOR) != 0;
    }

    public boolean isMandatory() {
        return (flags & FLAG_MANDATORY) != 0;
    }

    public boolean isProtected() {
        return (flags & FLAG_PROTECTED) != 0;
    }

    /** Vendor-Id, 0 when the V bit is clear. */
    public long vendorId() {
        return isVendorSpecific() ? vendorId : 0L;
    }

    public int dataLength() {
        return data.length;
    }

    public byte[] data() {
        return data.clone();
    }

    /** AVP Length field value: header plus data, without padding (RFC 6733 4.1). */
    public int length() {
        return headerLength() + data.length;
    }

    public int headerLength() {
        return isVendorSpecific() ? 12 : 8;
    }

    /** Octets this AVP takes on the wire, padding included. */
    public int encodedLength() {
        return (length() + 3) & ~3;
    }

    public long unsigned32() {
        return AvpData.unsigned32(data);
    }

    public int integer32() {
        return AvpData.integer32(data);
    }

    public long unsigned64() {
        return AvpData.integer64(data);
    }

    public String utf8() {
        return AvpData.utf8(data);
    }

    /** Lenient ASCII/UTF-8 view for logging and identity comparisons. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    public List<Avp> groupedAvps() {
        return groupedAvps(Integer.MAX_VALUE);
    }

    /** The Grouped value's AVPs, at most {@code maxAvps} of them (else {@link AvpLimitException}). */
    public List<Avp> groupedAvps(int maxAvps) {
        List<Avp> parsed = grouped;
        if (parsed == null) {
            parsed = AvpParser.parse(data, 0, data.length, maxAvps);
            grouped = parsed;
        } else if (parsed.size() > maxAvps) {
            throw new AvpLimitException("more than " + maxAvps + " AVPs", parsed.get(maxAvps));
        }
        return parsed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Avp)) {
            return false;
        }
        Avp other = (Avp) o;
        return code == other.code && flags == other.flags && vendorId() == other.vendorId()
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, flags, vendorId()) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Avp{code=" + code + (isVendorSpecific() ? ", vendor=" + vendorId : "")
                + ", flags=0x" + Integer.toHexString(flags) + ", data="
                + HexFormat.of().formatHex(data, 0, Math.min(data.length, 64))
                + (data.length > 64 ? "..." : "") + '}';
    }

    /** Fluent construction of outgoing AVPs. */
    public static final class Builder {
        private final int code;
        private int flags;
        private long vendorId;

        private Builder(int code) {
            this.code = code;
        }

        public Builder vendor(long vendorId) {
            this.vendorId = vendorId;
            if (vendorId != 0) {
                flags |= FLAG_VENDOR;
            } else {
                flags &= ~FLAG_VENDOR;
            }
            return this;
        }

        public Builder mandatory(boolean mandatory) {
            flags = mandatory ? flags | FLAG_MANDATORY : flags & ~FLAG_MANDATORY;
            return this;
        }

        public Builder mandatory() {
            return mandatory(true);
        }

        public Builder protectedBit(boolean p) {
            flags = p ? flags | FLAG_PROTECTED : flags & ~FLAG_PROTECTED;
            return this;
        }

        /** Raw flag octet, for tests that need reserved bits set. */
        public Builder flags(int rawFlags) {
            this.flags = rawFlags & 0xFF;
            return this;
        }

        public Avp octets(byte[] value) {
            return new Avp(code, flags, vendorId, value.clone());
        }

        public Avp utf8(String value) {
            return new Avp(code, flags, vendorId, value.getBytes(StandardCharsets.UTF_8));
        }

        public Avp unsigned32(long value) {
            return new Avp(code, flags, vendorId, AvpData.ofUnsigned32(value));
        }

        public Avp integer32(int value) {
            return new Avp(code, flags, vendorId, AvpData.ofUnsigned32(value & 0xFFFFFFFFL));
        }

        public Avp unsigned64(long value) {
            return new Avp(code, flags, vendorId, AvpData.ofInteger64(value));
        }

        public Avp address(java.net.InetAddress value) {
            return new Avp(code, flags, vendorId, AvpData.ofAddress(value));
        }

        public Avp time(java.time.Instant value) {
            return new Avp(code, flags, vendorId, AvpData.ofTime(value));
        }

        public Avp grouped(List<Avp> children) {
            return new Avp(code, flags, vendorId, AvpData.ofGrouped(children));
        }

        public Avp grouped(Avp... children) {
            return grouped(List.of(children));
        }
    }
}
