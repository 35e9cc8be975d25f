package org.mtcgate.diameter.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A Diameter message (RFC 6733 3): header fields plus an ordered list of AVPs. Immutable;
 * use {@link #builder()} or {@link #toBuilder()} to derive new messages.
 */
public final class DiameterMessage {
    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 20;
    public static final int FLAG_REQUEST = 0x80;
    public static final int FLAG_PROXIABLE = 0x40;
    public static final int FLAG_ERROR = 0x20;
    public static final int FLAG_RETRANSMIT = 0x10;
    /** RFC 6733 3: the low four command flag bits are reserved and MUST be zero. */
    public static final int FLAGS_RESERVED = 0x0F;

    private final int flags;
    private final int commandCode;
    private final long applicationId;
    private final int hopByHopId;
    private final int endToEndId;
    private final List<Avp> avps;

    private DiameterMessage(Builder b) {
        this.flags = b.flags & 0xFF;
        this.commandCode = b.commandCode & 0xFFFFFF;
        this.applicationId = b.applicationId & 0xFFFFFFFFL;
        this.hopByHopId = b.hopByHopId;
        this.endToEndId = b.endToEndId;
        this.avps = Collections.unmodifiableList(new ArrayList<>(b.avps));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new request: R bit set, P bit as given (RFC 6733 3: set for relayable commands). */
    public static Builder request(int commandCode, long applicationId, boolean proxiable) {
        return new Builder().commandCode(commandCode).applicationId(applicationId)
                .flags(FLAG_REQUEST | (proxiable ? FLAG_PROXIABLE : 0));
    }

    /**
     * An answer skeleton for a request (RFC 6733 6.2): same command code, application id,
     * Hop-by-Hop and End-to-End ids, P bit copied, R bit cleared. No AVPs.
     */
    public static Builder answerTo(DiameterMessage request) {
        return new Builder().commandCode(request.commandCode).applicationId(request.applicationId)
                .hopByHopId(request.hopByHopId).endToEndId(request.endToEndId)
                .flags(request.flags & FLAG_PROXIABLE);
    }

    public Builder toBuilder() {
        return new Builder().flags(flags).commandCode(commandCode).applicationId(applicationId)
                .hopByHopId(hopByHopId).endToEndId(endToEndId).avps(avps);
    }

    public int flags() {
        return flags;
    }

    public boolean isRequest() {
        return (flags & FLAG_REQUEST) != 0;
    }

    public boolean isProxiable() {
        return (flags & FLAG_PROXIABLE) != 0;
    }

    public boolean isError() {
        return (flags & FLAG_ERROR) != 0;
    }

    public boolean isRetransmit() {
        return (flags & FLAG_RETRANSMIT) != 0;
    }

    public int commandCode() {
        return commandCode;
    }

    public long applicationId() {
        return applicationId;
    }

    public int hopByHopId() {
        return hopByHopId;
    }

    public int endToEndId() {
        return endToEndId;
    }

    public List<Avp> avps() {
        return avps;
    }

    /** First top-level AVP with this code and Vendor-Id. */
    public Optional<Avp> avp(int code, long vendorId) {
        for (Avp a : avps) {
            if (a.code() == code && a.vendorId() == vendorId) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public Optional<Avp> avp(int code) {
        return avp(code, 0);
    }

    public List<Avp> avps(int code, long vendorId) {
        List<Avp> out = new ArrayList<>();
        for (Avp a : avps) {
            if (a.code() == code && a.vendorId() == vendorId) {
                out.add(a);
            }
        }
        return out;
    }

    /** Encoded size in octets (the Message Length field). */
    public int length() {
        int n = HEADER_LENGTH;
        for (Avp a : avps) {
            n += a.encodedLength();
        }
        return n;
    }

    @Override
    public String toString() {
        return "DiameterMessage{" + (isRequest() ? "request" : "answer") + ", cmd=" + commandCode
                + ", app=" + applicationId + ", flags=0x" + Integer.toHexString(flags)
                + ", hbh=0x" + Integer.toHexString(hopByHopId) + ", e2e=0x" + Integer.toHexString(endToEndId)
                + ", avps=" + avps.size() + '}';
    }

    public static final class Builder {
        private int flags;
        private int commandCode;
        private long applicationId;
        private int hopByHopId;
        private int endToEndId;
        private final List<Avp> avps = new ArrayList<>();

        private Builder() {
        }

        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        public Builder error(boolean e) {
            flags = e ? flags | FLAG_ERROR : flags & ~FLAG_ERROR;
            return this;
        }

        public Builder retransmit(boolean t) {
            flags = t ? flags | FLAG_RETRANSMIT : flags & ~FLAG_RETRANSMIT;
            return this;
        }

        public Builder commandCode(int commandCode) {
            this.commandCode = commandCode;
            return this;
        }

        public Builder applicationId(long applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        public Builder hopByHopId(int id) {
            this.hopByHopId = id;
            return this;
        }

        public Builder endToEndId(int id) {
            this.endToEndId = id;
            return this;
        }

        public Builder avp(Avp avp) {
            avps.add(avp);
            return this;
        }

        public Builder avps(List<Avp> list) {
            avps.addAll(list);
            return this;
        }

        /** Drops every top-level AVP with this code and vendor (used to replace e.g. Origin-Host). */
        public Builder removeAvps(int code, long vendorId) {
            avps.removeIf(a -> a.code() == code && a.vendorId() == vendorId);
            return this;
        }

        public DiameterMessage build() {
            return new DiameterMessage(this);
        }
    }
}
