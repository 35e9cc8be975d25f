package org.mtcgate.map.tpdu;

/** The alphabet a TP-DCS selects (TS 23.038 clause 4); it decides whether TP-UDL counts septets or octets. */
public enum CharacterSet {
    GSM_7BIT,
    EIGHT_BIT,
    UCS2;

    /**
     * Alphabet of a TP-DCS value. Reserved codings are read as the GSM 7-bit default alphabet, as TS 23.038
     * clause 4 requires. Compressed user data (general coding group bit 5) is counted in octets
     * (TS 23.040 9.2.3.16), so it is reported as {@link #EIGHT_BIT}.
     */
    public static CharacterSet fromDataCodingScheme(int dcs) {
        int group = (dcs >>> 4) & 0x0F;
        if (group <= 0x7) { // 00xx general data coding, 01xx automatic deletion group
            if ((dcs & 0x20) != 0) {
                return EIGHT_BIT;
            }
            return switch ((dcs >>> 2) & 0x03) {
                case 1 -> EIGHT_BIT;
                case 2 -> UCS2;
                default -> GSM_7BIT;
            };
        }
        if (group == 0xE) { // message waiting indication group, store message, UCS2
            return UCS2;
        }
        if (group == 0xF) { // data coding / message class: bit 2 selects 8-bit data
            return (dcs & 0x04) != 0 ? EIGHT_BIT : GSM_7BIT;
        }
        return GSM_7BIT;
    }
}
