package org.mtcgate.filter;

/**
 * The markers other than TP-PID that make a handset hand an SM to the (U)SIM, whatever its TP-PID:
 * <ul>
 *   <li>a UDH information element in 0x70-0x7F, the "(U)SIM Toolkit Security Headers" range of TS 23.040
 *       9.2.3.24 (0x70 command packet, 0x71 response packet, TS 31.115 / TS 23.048): the SM is a secured OTA
 *       packet for a card application;</li>
 *   <li>a TP-DCS of message class 2, "(U)SIM specific" (TS 23.038 clause 4): the ME stores the SM on the card
 *       (EF_SMS) for card applications, and with TP-PID 0x7F passes it to the card in ENVELOPE (TS 31.111
 *       7.1.1). Class 2 is signalled in the general data coding groups (00xx and the automatic deletion group
 *       01xx, with bit 4 set and bits 1-0 = 10) and in the data coding / message class group (1111xx10).</li>
 * </ul>
 * Either marker makes the SM a {@link MessageKind#SIM_DATA_DOWNLOAD}.
 */
public final class CardMarkers {
    /** First and last IEI of the (U)SIM Toolkit Security Headers range (TS 23.040 9.2.3.24). */
    public static final int FIRST_SIM_TOOLKIT_IEI = 0x70;
    public static final int LAST_SIM_TOOLKIT_IEI = 0x7F;

    private CardMarkers() {
    }

    /** Whether this UDH IEI is one of the (U)SIM toolkit security headers. */
    public static boolean isSimToolkitIei(int iei) {
        return iei >= FIRST_SIM_TOOLKIT_IEI && iei <= LAST_SIM_TOOLKIT_IEI;
    }

    /** Whether this TP-DCS gives message class 2, (U)SIM specific. */
    public static boolean isClass2(int tpDcs) {
        int dcs = tpDcs & 0xFF;
        if ((dcs & 0x80) == 0) { // 0xxx: general data coding and automatic deletion groups
            return (dcs & 0x10) != 0 && (dcs & 0x03) == 2;
        }
        if ((dcs & 0xF0) == 0xF0) { // 1111: data coding / message class
            return (dcs & 0x03) == 2;
        }
        return false; // message waiting groups and reserved groups carry no class
    }
}
