package org.mtcgate.map.attack.wire;

import static org.mtcgate.map.attack.wire.Ber.cat;
import static org.mtcgate.map.attack.wire.Ber.tbcd;
import static org.mtcgate.map.attack.wire.Ber.tlv;

/** MAP operation codes and the SMS parameters (TS 29.002 12.1-12.9, 17.7), as bytes. */
public final class MapParams {
    public static final int MT_FORWARD_SM = 44;
    public static final int SEND_ROUTING_INFO_FOR_SM = 45;
    public static final int MO_FORWARD_SM = 46;
    public static final int PROCESS_UNSTRUCTURED_SS = 59;

    private MapParams() {
    }

    /** AddressString / ISDN-AddressString: nature international, plan E.164, TBCD digits. */
    public static byte[] address(String digits) {
        return cat(new byte[] {(byte) 0x91}, tbcd(digits));
    }

    /** RoutingInfoForSM-Arg: msisdn [0], sm-RP-PRI [1], serviceCentreAddress [2]. */
    public static byte[] sriForSm(String msisdn, String serviceCentre) {
        return tlv(0x30, tlv(0x80, address(msisdn)), tlv(0x81, new byte[] {(byte) 0xFF}),
                tlv(0x82, address(serviceCentre)));
    }

    /** MT-ForwardSM-Arg: sm-RP-DA imsi [0], sm-RP-OA serviceCentreAddressOA [4], sm-RP-UI OCTET STRING. */
    public static byte[] mtForwardSm(String imsi, String serviceCentre, byte[] tpdu) {
        return tlv(0x30, tlv(0x80, tbcd(imsi)), tlv(0x84, address(serviceCentre)), tlv(0x04, tpdu));
    }

    /** The same with every length in the non-minimal long form (0x82 hi lo): valid BER, not DER. */
    public static byte[] mtForwardSmLongLengths(String imsi, String serviceCentre, byte[] tpdu) {
        Ber.Length l = Ber.Length.LONG_FORM;
        return tlv(l, 0x30, tlv(l, 0x80, tbcd(imsi)), tlv(l, 0x84, address(serviceCentre)), tlv(l, 0x04, tpdu));
    }

    /** The same with the SEQUENCE in indefinite length. */
    public static byte[] mtForwardSmIndefinite(String imsi, String serviceCentre, byte[] tpdu) {
        return tlv(Ber.Length.INDEFINITE, 0x30, tlv(0x80, tbcd(imsi)), tlv(0x84, address(serviceCentre)),
                tlv(0x04, tpdu));
    }

    /** An SMS-DELIVER (TS 23.040 9.2.2.1): TP-OA international, the PID, DCS 8-bit, a fixed SCTS, the data. */
    public static byte[] smsDeliver(String originator, int pid, byte[] userData) {
        byte[] oa = cat(new byte[] {(byte) originator.length(), (byte) 0x91}, tbcd(originator));
        byte[] scts = {0x62, 0x11, 0x22, 0x31, 0x14, 0x63, 0x40};
        return cat(new byte[] {0x04}, oa, new byte[] {(byte) pid, 0x04}, scts,
                new byte[] {(byte) userData.length}, userData);
    }
}
