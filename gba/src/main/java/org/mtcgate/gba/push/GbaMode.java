package org.mtcgate.gba.push;

/** Whether the NAF key comes from the ME (GBA_ME) or the UICC (GBA_U); the values of UICC-ME (TS 29.109, gba-facts 2). */
public enum GbaMode {
    GBA_ME(0),
    GBA_U(1);

    private final int code;

    GbaMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a value other than 0 or 1 */
    public static GbaMode ofCode(long code) {
        if (code == 0) {
            return GBA_ME;
        }
        if (code == 1) {
            return GBA_U;
        }
        throw new IllegalArgumentException("UICC-ME is GBA_ME (0) or GBA_U (1), not " + code);
    }
}
