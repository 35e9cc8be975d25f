package org.mtcgate.smpp;

import org.jsmpp.SMPPConstant;

/**
 * The command_status values this server answers with (SMPP 3.4 5.1.3; ESME_RINVDCS is SMPP 5.0's), and their
 * names for audit records.
 */
public final class SmppStatus {
    public static final int OK = SMPPConstant.STAT_ESME_ROK;
    public static final int INVALID_LENGTH = SMPPConstant.STAT_ESME_RINVMSGLEN;
    public static final int SYSTEM_ERROR = SMPPConstant.STAT_ESME_RSYSERR;
    public static final int INVALID_SOURCE = SMPPConstant.STAT_ESME_RINVSRCADR;
    public static final int INVALID_DESTINATION = SMPPConstant.STAT_ESME_RINVDSTADR;
    public static final int BIND_FAILED = SMPPConstant.STAT_ESME_RBINDFAIL;
    public static final int INVALID_PASSWORD = SMPPConstant.STAT_ESME_RINVPASWD;
    public static final int INVALID_SYSTEM_ID = SMPPConstant.STAT_ESME_RINVSYSID;
    public static final int QUEUE_FULL = SMPPConstant.STAT_ESME_RMSGQFUL;
    public static final int INVALID_ESM_CLASS = SMPPConstant.STAT_ESME_RINVESMCLASS;
    public static final int THROTTLED = SMPPConstant.STAT_ESME_RTHROTTLED;
    public static final int INVALID_SCHEDULE = SMPPConstant.STAT_ESME_RINVSCHED;
    public static final int INVALID_EXPIRY = SMPPConstant.STAT_ESME_RINVEXPIRY;
    public static final int REJECTED = SMPPConstant.STAT_ESME_RX_R_APPN;
    public static final int INVALID_TLV = SMPPConstant.STAT_ESME_RINVTLVVAL;
    public static final int INVALID_DATA_CODING = SMPPConstant.STAT_ESME_RINVDCS;

    private SmppStatus() {
    }

    /** The ESME_R... name, or the value in hex. */
    public static String name(int status) {
        return switch (status) {
            case OK -> "ESME_ROK";
            case INVALID_LENGTH -> "ESME_RINVMSGLEN";
            case SYSTEM_ERROR -> "ESME_RSYSERR";
            case INVALID_SOURCE -> "ESME_RINVSRCADR";
            case INVALID_DESTINATION -> "ESME_RINVDSTADR";
            case BIND_FAILED -> "ESME_RBINDFAIL";
            case INVALID_PASSWORD -> "ESME_RINVPASWD";
            case INVALID_SYSTEM_ID -> "ESME_RINVSYSID";
            case QUEUE_FULL -> "ESME_RMSGQFUL";
            case INVALID_ESM_CLASS -> "ESME_RINVESMCLASS";
            case THROTTLED -> "ESME_RTHROTTLED";
            case INVALID_SCHEDULE -> "ESME_RINVSCHED";
            case INVALID_EXPIRY -> "ESME_RINVEXPIRY";
            case REJECTED -> "ESME_RX_R_APPN";
            case INVALID_TLV -> "ESME_RINVTLVVAL";
            case INVALID_DATA_CODING -> "ESME_RINVDCS";
            default -> String.format("0x%08X", status);
        };
    }
}
