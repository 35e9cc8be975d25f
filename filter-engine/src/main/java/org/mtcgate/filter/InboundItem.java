package org.mtcgate.filter;

import java.util.Objects;

/**
 * One SM or trigger to decide on, described by what the filter needs and nothing of the protocol it came in.
 * The target UE may be named by MSISDN, IMSI and External-Identifier at once; a grant must cover every name
 * given, so that an SCS cannot pair an authorised name with an unauthorised one.
 */
public final class InboundItem {
    /** Port value meaning "no application port addressing". */
    public static final int NO_PORT = -1;

    private final Ingress ingress;
    private final Originator originator;
    private final Msisdn targetMsisdn;
    private final Imsi targetImsi;
    private final ExternalId targetExternalId;
    private final int tpPid;
    private final int tpDcs;
    private final int destinationPort;
    private final int originatorPort;
    private final int payloadLength;
    private final int[] udhIeis;
    private final Segment segment;
    private final MessageKind kind;

    private InboundItem(Builder b) {
        this.ingress = Objects.requireNonNull(b.ingress, "ingress");
        this.originator = Objects.requireNonNull(b.originator, "originator");
        this.targetMsisdn = b.targetMsisdn;
        this.targetImsi = b.targetImsi;
        this.targetExternalId = b.targetExternalId;
        if (b.tpPid < 0 || b.tpPid > 0xFF) {
            throw new IllegalArgumentException("TP-PID " + b.tpPid + " is not one octet");
        }
        if (b.tpDcs < 0 || b.tpDcs > 0xFF) {
            throw new IllegalArgumentException("TP-DCS " + b.tpDcs + " is not one octet");
        }
        this.tpPid = b.tpPid;
        this.tpDcs = b.tpDcs;
        this.destinationPort = b.destinationPort;
        this.originatorPort = b.originatorPort;
        this.payloadLength = b.payloadLength;
        this.udhIeis = b.udhIeis;
        this.segment = b.segment;
        this.kind = MessageKind.of(b.tpPid, b.tpDcs, b.udhIeis);
    }

    public static Builder builder(Ingress ingress, Originator originator) {
        return new Builder(ingress, originator);
    }

    public Ingress ingress() {
        return ingress;
    }

    public Originator originator() {
        return originator;
    }

    /** The target's MSISDN, or null. */
    public Msisdn targetMsisdn() {
        return targetMsisdn;
    }

    /** The target's IMSI, or null. */
    public Imsi targetImsi() {
        return targetImsi;
    }

    /** The target's External-Identifier, or null. */
    public ExternalId targetExternalId() {
        return targetExternalId;
    }

    public int tpPid() {
        return tpPid;
    }

    public int tpDcs() {
        return tpDcs;
    }

    /** The 16-bit destination application port, or {@link #NO_PORT}. */
    public int destinationPort() {
        return destinationPort;
    }

    public int originatorPort() {
        return originatorPort;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** The IEIs of the TP-User-Data-Header in order, empty when there is none. */
    public int[] udhIeis() {
        return udhIeis.clone();
    }

    /** Which part of a concatenated SM this is (UDH IEI 0x00 or 0x08), or null for a single SM. */
    public Segment segment() {
        return segment;
    }

    /**
     * The kind, from TP-PID, TP-DCS and UDH together ({@link MessageKind#of}); the policy may still raise it to
     * a trigger for a trigger port.
     */
    public MessageKind kind() {
        return kind;
    }

    /** A short description for logs and explanations. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(kind.policyName()).append(" (TP-PID 0x").append(Integer.toHexString(tpPid));
        if (tpDcs != 0) {
            sb.append(", TP-DCS 0x").append(Integer.toHexString(tpDcs));
        }
        if (udhIeis.length > 0) {
            sb.append(", UDH IEIs");
            for (int iei : udhIeis) {
                sb.append(' ').append(String.format("%02X", iei));
            }
        }
        if (destinationPort != NO_PORT) {
            sb.append(", port ").append(destinationPort);
        }
        if (segment != null) {
            sb.append(", part ").append(segment.sequence()).append('/').append(segment.total())
                    .append(" of ref ").append(segment.reference());
        }
        sb.append(") on ")
                .append(ingress).append(" from ").append(originator.identity());
        if (originator.networkNode() != null) {
            sb.append(" via GT ").append(originator.networkNode());
        }
        if (originator.tpOriginatingAddress() != null) {
            sb.append(" TP-OA ").append(originator.tpOriginatingAddress());
        }
        sb.append(" to");
        if (targetMsisdn != null) {
            sb.append(" MSISDN ").append(targetMsisdn);
        }
        if (targetImsi != null) {
            sb.append(" IMSI ").append(targetImsi.masked());
        }
        if (targetExternalId != null) {
            sb.append(" External-Id ").append(targetExternalId);
        }
        if (targetMsisdn == null && targetImsi == null && targetExternalId == null) {
            sb.append(" an unnamed UE");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Builds an item; only the ingress and originator are required. */
    public static final class Builder {
        private final Ingress ingress;
        private final Originator originator;
        private Msisdn targetMsisdn;
        private Imsi targetImsi;
        private ExternalId targetExternalId;
        private int tpPid;
        private int tpDcs;
        private int destinationPort = NO_PORT;
        private int originatorPort = NO_PORT;
        private int payloadLength;
        private int[] udhIeis = new int[0];
        private Segment segment;

        private Builder(Ingress ingress, Originator originator) {
            this.ingress = ingress;
            this.originator = originator;
        }

        public Builder targetMsisdn(Msisdn msisdn) {
            this.targetMsisdn = msisdn;
            return this;
        }

        public Builder targetImsi(Imsi imsi) {
            this.targetImsi = imsi;
            return this;
        }

        public Builder targetExternalId(ExternalId externalId) {
            this.targetExternalId = externalId;
            return this;
        }

        public Builder tpPid(int tpPid) {
            this.tpPid = tpPid;
            return this;
        }

        public Builder tpDcs(int tpDcs) {
            this.tpDcs = tpDcs;
            return this;
        }

        public Builder ports(int destination, int originatorPort) {
            this.destinationPort = destination;
            this.originatorPort = originatorPort;
            return this;
        }

        public Builder payloadLength(int payloadLength) {
            this.payloadLength = payloadLength;
            return this;
        }

        /** The IEIs of the TP-User-Data-Header, in order. */
        public Builder udhIeis(int... ieis) {
            for (int iei : ieis) {
                if (iei < 0 || iei > 0xFF) {
                    throw new IllegalArgumentException("IEI " + iei + " is not one octet");
                }
            }
            this.udhIeis = ieis.clone();
            return this;
        }

        /** Marks the item as one part of a concatenated SM. */
        public Builder segment(Segment segment) {
            this.segment = segment;
            return this;
        }

        public InboundItem build() {
            return new InboundItem(this);
        }
    }
}
