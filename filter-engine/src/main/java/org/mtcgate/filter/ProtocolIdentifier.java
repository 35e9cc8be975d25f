package org.mtcgate.filter;

/**
 * What each of the 256 TP-PID values means (TS 23.040 9.2.3.9) and the {@link MessageKind} it gives an SM on its
 * own. Bits 7-6 select the group:
 * <pre>
 *  value      category                          kind                  protected, because
 *  0x00-0x1F  SME_TO_SME                        ordinary              -
 *  0x20-0x3F  TELEMATIC_INTERWORKING            ordinary              - (fax, e-mail, ... interworking)
 *  0x40       SHORT_MESSAGE_TYPE_0              type-0                yes: acknowledged and discarded without a
 *                                                                     trace on the handset, a silent presence and
 *                                                                     location probe (GSMA FS.11)
 *  0x41-0x47  REPLACE_SHORT_MESSAGE_TYPE_1..7   replace               yes: silently overwrites an SM already
 *                                                                     stored with the same TP-OA and TP-PID
 *  0x48       DEVICE_TRIGGERING                 trigger               yes: wakes an MTC application (TS 23.682)
 *  0x49-0x5D  RESERVED                          reserved-pid          yes: no defined handset behaviour
 *  0x5E       ENHANCED_MESSAGE_SERVICE (obsolete) reserved-pid        yes: obsolete, no defined behaviour
 *  0x5F       RETURN_CALL                       ordinary              - (shown to the user, offers a call back)
 *  0x60-0x7B  RESERVED                          reserved-pid          yes
 *  0x7C       ANSI_136_R_DATA                   sim-data-download     yes: passed to the (U)SIM (TS 31.111)
 *  0x7D       ME_DATA_DOWNLOAD                  me-data-download      yes: configures the ME itself
 *  0x7E       ME_DEPERSONALIZATION              me-depersonalization  yes: unlocks the ME's network lock
 *  0x7F       SIM_DATA_DOWNLOAD                 sim-data-download     yes: OTA commands to the card (ENVELOPE
 *                                                                     SMS-PP download, TS 31.111 7.1.1; Simjacker)
 *  0x80-0xBF  RESERVED                          reserved-pid          yes
 *  0xC0-0xFF  SC_SPECIFIC                       reserved-pid          yes: meaningful only between an SC and its
 *                                                                     own SMEs, never from another network
 * </pre>
 * The kind of a whole SM also depends on its TP-DCS and UDH ({@link MessageKind#of}); this table is the TP-PID part.
 */
public enum ProtocolIdentifier {
    SME_TO_SME(MessageKind.ORDINARY),
    TELEMATIC_INTERWORKING(MessageKind.ORDINARY),
    SHORT_MESSAGE_TYPE_0(MessageKind.TYPE_0),
    REPLACE_SHORT_MESSAGE(MessageKind.REPLACE),
    DEVICE_TRIGGERING(MessageKind.TRIGGER),
    ENHANCED_MESSAGE_SERVICE(MessageKind.RESERVED_PID),
    RETURN_CALL(MessageKind.ORDINARY),
    ANSI_136_R_DATA(MessageKind.SIM_DATA_DOWNLOAD),
    ME_DATA_DOWNLOAD(MessageKind.ME_DATA_DOWNLOAD),
    ME_DEPERSONALIZATION(MessageKind.ME_DEPERSONALIZATION),
    SIM_DATA_DOWNLOAD(MessageKind.SIM_DATA_DOWNLOAD),
    RESERVED(MessageKind.RESERVED_PID),
    SC_SPECIFIC(MessageKind.RESERVED_PID);

    private static final ProtocolIdentifier[] BY_VALUE = new ProtocolIdentifier[256];

    static {
        for (int pid = 0; pid < 256; pid++) {
            BY_VALUE[pid] = classify(pid);
        }
    }

    private final MessageKind kind;

    ProtocolIdentifier(MessageKind kind) {
        this.kind = kind;
    }

    /** The kind an SM with this TP-PID has when nothing else in it says more. */
    public MessageKind kind() {
        return kind;
    }

    /** The category of a TP-PID octet; only the low 8 bits are read. */
    public static ProtocolIdentifier of(int tpPid) {
        return BY_VALUE[tpPid & 0xFF];
    }

    private static ProtocolIdentifier classify(int pid) {
        switch (pid >>> 6) {
            case 0:
                return (pid & 0x20) == 0 ? SME_TO_SME : TELEMATIC_INTERWORKING;
            case 2:
                return RESERVED;
            case 3:
                return SC_SPECIFIC;
            default:
                break;
        }
        if (pid == 0x40) {
            return SHORT_MESSAGE_TYPE_0;
        }
        if (pid <= 0x47) {
            return REPLACE_SHORT_MESSAGE;
        }
        return switch (pid) {
            case 0x48 -> DEVICE_TRIGGERING;
            case 0x5E -> ENHANCED_MESSAGE_SERVICE;
            case 0x5F -> RETURN_CALL;
            case 0x7C -> ANSI_136_R_DATA;
            case 0x7D -> ME_DATA_DOWNLOAD;
            case 0x7E -> ME_DEPERSONALIZATION;
            case 0x7F -> SIM_DATA_DOWNLOAD;
            default -> RESERVED;
        };
    }
}
