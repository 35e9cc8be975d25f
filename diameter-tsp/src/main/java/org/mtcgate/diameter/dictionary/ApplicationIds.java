package org.mtcgate.diameter.dictionary;

/** Application-Id values (RFC 6733 2.4; 3GPP values from TS 29.368, 29.336, 29.337, 29.338, 29.109). */
public final class ApplicationIds {
    public static final long COMMON = 0;
    public static final long TSP = 16777309L;
    public static final long S6M = 16777310L;
    public static final long T4 = 16777311L;
    /** SGd (TS 29.338; "3GPP SGd" 16777313 in Wireshark's diameter/dictionary.xml). */
    public static final long SGD = 16777313L;
    /** Zh, BSF to HSS (TS 29.109): 16777221 "3GPP Zh" in Wireshark 4.0's dictionary.xml; gba-facts 6 (VERIFIED). */
    public static final long ZH = 16777221L;
    /** Zn, NAF to BSF (TS 29.109): 16777220 "3GPP Zn" in Wireshark 4.0.17's dictionary.xml; cipango's Zn (gba-facts 0). */
    public static final long ZN = 16777220L;
    /** Zpn, Push-NAF to BSF (TS 29.109): 16777268 "3GPP Zpn" in Wireshark 4.0.17's dictionary.xml and IANA (gba-facts 5). */
    public static final long ZPN = 16777268L;
    public static final long RELAY = 0xFFFFFFFFL;

    private ApplicationIds() {
    }
}
