package org.mtcgate.filter;

import java.util.Locale;

/**
 * What an SM is for, as the handset would act on it: read from its TP-PID ({@link ProtocolIdentifier}), its
 * TP-DCS and its UDH ({@link CardMarkers}), see {@link #of}. Every kind but ORDINARY is protected: it is denied
 * unless a policy grant names its sender, so a forged trigger or SIM OTA command never passes by default. A
 * policy may also name application ports that make an SM a trigger (policy key {@code trigger-ports}).
 */
public enum MessageKind {
    /** TP-PID 0x48, device triggering short message, or a destination port the policy names as a trigger port. */
    TRIGGER(true, 3),
    /**
     * (U)SIM data download: TP-PID 0x7F or 0x7C (ANSI-136 R-DATA), a UDH IE of the (U)SIM toolkit security
     * headers (0x70-0x7F), or a class 2 TP-DCS: OTA commands to the card (the Simjacker vector).
     */
    SIM_DATA_DOWNLOAD(true, 6),
    /** TP-PID 0x7D, ME data download. */
    ME_DATA_DOWNLOAD(true, 4),
    /** TP-PID 0x7E, ME de-personalisation short message. */
    ME_DEPERSONALIZATION(true, 5),
    /** Any other TP-PID. */
    ORDINARY(false, 0),
    /** TP-PID 0x41-0x47, replace short message types 1-7: overwrite a stored SM without a trace. */
    REPLACE(true, 1),
    /** TP-PID 0x40, short message type 0: acknowledged and discarded silently (a presence/location probe). */
    TYPE_0(true, 1),
    /** A reserved, obsolete or SC-specific TP-PID (see {@link ProtocolIdentifier}): nothing a handset should get. */
    RESERVED_PID(true, 2);

    public static final int PID_DEVICE_TRIGGER = 0x48;
    public static final int PID_ME_DATA_DOWNLOAD = 0x7D;
    public static final int PID_ME_DEPERSONALIZATION = 0x7E;
    public static final int PID_SIM_DATA_DOWNLOAD = 0x7F;

    private final boolean protectedKind;
    /** When several markers apply, the kind with the highest severity is the SM's kind. */
    private final int severity;

    MessageKind(boolean protectedKind, int severity) {
        this.protectedKind = protectedKind;
        this.severity = severity;
    }

    /** Whether this kind is denied unless a grant allows it. */
    public boolean isProtected() {
        return protectedKind;
    }

    /** The more severe of this kind and {@code other}: what an SM with both markers is screened as. */
    public MessageKind atLeast(MessageKind other) {
        return other.severity > severity ? other : this;
    }

    /** The kind of an SM with this TP-PID octet and nothing else that says more; only the low 8 bits are read. */
    public static MessageKind ofTpPid(int tpPid) {
        return ProtocolIdentifier.of(tpPid).kind();
    }

    /**
     * The kind of a whole SM: its TP-PID, raised to SIM data download by a class 2 TP-DCS or a (U)SIM toolkit
     * security header IE in the UDH, whatever the TP-PID.
     *
     * @param udhIeis the IEIs of the UDH in order (empty when there is no UDH)
     */
    public static MessageKind of(int tpPid, int tpDcs, int[] udhIeis) {
        MessageKind kind = ofTpPid(tpPid);
        if (CardMarkers.isClass2(tpDcs)) {
            return kind.atLeast(SIM_DATA_DOWNLOAD);
        }
        for (int iei : udhIeis) {
            if (CardMarkers.isSimToolkitIei(iei)) {
                return kind.atLeast(SIM_DATA_DOWNLOAD);
            }
        }
        return kind;
    }

    /** Parses policy names such as {@code trigger}, {@code sim-data-download}. */
    public static MessageKind parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MessageKind kind : values()) {
            if (kind.name().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown message kind '" + text + "' (one of trigger, sim-data-download, "
                + "me-data-download, me-depersonalization, replace, type-0, reserved-pid, ordinary)");
    }

    /** The name used in policy files. */
    public String policyName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
