package org.mtcgate.diameter.sgd;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.diameter.tsp.Tbcd;

/**
 * Builders for the SGd AVPs (TS 29.338 6.3.3). The M bit follows the TS 29.338 AVP table; Wireshark's dictionary
 * clears it on TFR-Flags, SM-Delivery-Failure-Cause and Absent-User-Diagnostic-SM, so the node accepts both
 * (see StandardDictionary).
 */
public final class SgdAvps {
    /** TFR-Flags bit 0: the SMS-SC has more short messages to send to this UE. */
    public static final long MORE_MESSAGES_TO_SEND = 1;

    private SgdAvps() {
    }

    public static Avp vendorSpecificApplicationId() {
        return BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.SGD);
    }

    /** User-Name (RFC 6733 8.14) with the IMSI, as TS 29.338 6.3.2 asks for a TFR. */
    public static Avp userName(String imsi) {
        return Avp.builder(AvpCodes.USER_NAME).mandatory().utf8(imsi);
    }

    /** SC-Address: the E.164 digits of the SMS-SC as TBCD, with no nature-of-address octet. */
    public static Avp scAddress(String digits) {
        return TgppAvps.tgpp(AvpCodes.SC_ADDRESS).octets(Tbcd.encode(digits));
    }

    /** SM-RP-UI: one SMS-DELIVER TPDU. */
    public static Avp smRpUi(byte[] tpdu) {
        return TgppAvps.tgpp(AvpCodes.SM_RP_UI).octets(tpdu);
    }

    public static Avp tfrFlags(long flags) {
        return TgppAvps.tgpp(AvpCodes.TFR_FLAGS).unsigned32(flags);
    }

    /** SM-Delivery-Failure-Cause { SM-Enumerated-Delivery-Failure-Cause } [ SM-Diagnostic-Info ]. */
    public static Avp smDeliveryFailureCause(SmDeliveryFailureCause cause) {
        return TgppAvps.tgpp(AvpCodes.SM_DELIVERY_FAILURE_CAUSE).grouped(
                TgppAvps.tgpp(AvpCodes.SM_ENUMERATED_DELIVERY_FAILURE_CAUSE).unsigned32(cause.code()));
    }

    public static Avp absentUserDiagnosticSm(long diagnostic) {
        return TgppAvps.tgpp(AvpCodes.ABSENT_USER_DIAGNOSTIC_SM).unsigned32(diagnostic);
    }
}
