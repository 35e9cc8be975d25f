package org.mtcgate.diameter.dictionary;

/** Command codes (RFC 6733 3.1; 3GPP TS 29.368, 29.336, 29.337, 29.338, 29.109). */
public final class CommandCodes {
    public static final int CAPABILITIES_EXCHANGE = 257;
    public static final int DEVICE_WATCHDOG = 280;
    public static final int DISCONNECT_PEER = 282;
    /** Multimedia-Auth (MAR/MAA), Cx's code reused by Zh (TS 29.109; Wireshark 4.0 TGPP.xml "Multimedia-Auth" 303). */
    public static final int MULTIMEDIA_AUTH = 303;
    /** Bootstrapping-Info (BIR/BIA) on Zn (TS 29.109; "Boostrapping-Info" 310, sic, in Wireshark 4.0.17's dictionary.xml). */
    public static final int BOOTSTRAPPING_INFO = 310;
    /** GBAPush-Info (GPIR/GPIA) on Zpn (TS 29.109; "GBAPush-Info" 312 in Wireshark 4.0.17's dictionary.xml). */
    public static final int GBA_PUSH_INFO = 312;
    public static final int DEVICE_ACTION = 8388639;
    public static final int DEVICE_NOTIFICATION = 8388640;
    public static final int SUBSCRIBER_INFORMATION = 8388641;
    public static final int DEVICE_TRIGGER = 8388643;
    public static final int DELIVERY_REPORT = 8388644;
    /** TFR/TFA (TS 29.338 6.3.2; "MT-Forward-Short-Message" 8388646 in Wireshark's diameter/dictionary.xml). */
    public static final int MT_FORWARD_SHORT_MESSAGE = 8388646;

    private CommandCodes() {
    }
}
