package org.mtcgate.gba.push;

/** Which way a GPL message goes; part of every message so one cannot be reflected back as the other. */
public enum GplDirection {
    /** Push-NAF to UE. */
    DOWNLINK(0),
    /** UE to Push-NAF. */
    UPLINK(1);

    private final int code;

    GplDirection(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
