package org.mtcgate.filter;

/** Request-Status (AVP 3008) of TS 29.368: how the MTC-IWF reports the fate of a Device-Action to the SCS. */
public enum RequestStatus {
    SUCCESS(0),
    INVPAYLOAD(101),
    INVEXTID(102),
    INVSCSID(103),
    INVPERIOD(104),
    NOTAUTHORIZED(105),
    SERVICEUNAVAILABLE(106),
    PERMANENTERROR(107),
    QUOTAEXCEEDED(108),
    RATEEXCEEDED(109),
    REPLACEFAIL(110),
    RECALLFAIL(111),
    ORIGINALMESSAGESENT(112),
    TEMPORARYERROR(201);

    private final int code;

    RequestStatus(int code) {
        this.code = code;
    }

    /** The enumerated value on the wire. */
    public int code() {
        return code;
    }

    /** The status with this wire value. */
    public static RequestStatus ofCode(int code) {
        for (RequestStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown Request-Status " + code);
    }
}
