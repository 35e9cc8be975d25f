package org.mtcgate.filter;

import java.util.Locale;

/**
 * What an SM is for, read from its TP-PID (TS 23.040 9.2.3.9). Every kind but ORDINARY is protected: it is
 * denied unless a policy grant names its sender, so a forged trigger or SIM OTA command never passes by default.
 */
public enum MessageKind {
    /** TP-PID 0x48, device triggering short message. */
    TRIGGER(true),
    /** TP-PID 0x7F, (U)SIM data download: OTA commands to the card (the Simjacker vector). */
    SIM_DATA_DOWNLOAD(true),
    /** TP-PID 0x7D, ME data download. */
    ME_DATA_DOWNLOAD(true),
    /** TP-PID 0x7E, ME de-personalisation short message. */
    ME_DEPERSONALIZATION(true),
    /** Any other TP-PID. */
    ORDINARY(false);

    public static final int PID_DEVICE_TRIGGER = 0x48;
    public static final int PID_ME_DATA_DOWNLOAD = 0x7D;
    public static final int PID_ME_DEPERSONALIZATION = 0x7E;
    public static final int PID_SIM_DATA_DOWNLOAD = 0x7F;

    private static final MessageKind[] BY_PID = new MessageKind[256];

    static {
        java.util.Arrays.fill(BY_PID, ORDINARY);
        BY_PID[PID_DEVICE_TRIGGER] = TRIGGER;
        BY_PID[PID_ME_DATA_DOWNLOAD] = ME_DATA_DOWNLOAD;
        BY_PID[PID_ME_DEPERSONALIZATION] = ME_DEPERSONALIZATION;
        BY_PID[PID_SIM_DATA_DOWNLOAD] = SIM_DATA_DOWNLOAD;
    }

    private final boolean protectedKind;

    MessageKind(boolean protectedKind) {
        this.protectedKind = protectedKind;
    }

    /** Whether this kind is denied unless a grant allows it. */
    public boolean isProtected() {
        return protectedKind;
    }

    /** The kind of an SM with this TP-PID octet; only the low 8 bits are read. */
    public static MessageKind ofTpPid(int tpPid) {
        return BY_PID[tpPid & 0xFF];
    }

    /** Parses policy names such as {@code trigger}, {@code sim-data-download}. */
    public static MessageKind parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MessageKind kind : values()) {
            if (kind.name().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown message kind '" + text
                + "' (one of trigger, sim-data-download, me-data-download, me-depersonalization, ordinary)");
    }

    /** The name used in policy files. */
    public String policyName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
