package org.mtcgate.map.tpdu;

import java.util.Objects;

/**
 * SMS-STATUS-REPORT (TS 23.040 9.2.2.3), SC to MS: first octet, TP-MR, TP-RA, TP-SCTS, TP-DT, TP-ST, then an
 * optional TP-PI (9.2.3.27) announcing TP-PID, TP-DCS and TP-UDL/TP-UD. A status report can carry user data and
 * a UDH, so it is screened like an SMS-DELIVER.
 *
 * @param moreMessagesToSend    TP-MMS as the spec means it (bit 2 is 0 when more messages wait)
 * @param loopPrevention        TP-LP (bit 3)
 * @param statusReportQualifier TP-SRQ (bit 5): the report is the result of an SMS-COMMAND
 * @param messageReference      TP-MR of the SMS-SUBMIT or SMS-COMMAND reported on
 * @param recipientAddress      TP-RA
 * @param dischargeTime         TP-DT, in TP-SCTS layout
 * @param status                TP-ST (9.2.3.15)
 * @param parameterIndicator    TP-PI: -1 when absent; else bit 0 TP-PID, bit 1 TP-DCS, bit 2 TP-UDL present
 * @param protocolIdentifierValue TP-PID when TP-PI bit 0 is set, else 0
 * @param dataCodingSchemeValue TP-DCS when TP-PI bit 1 is set, else 0
 * @param userData              TP-UD when TP-PI bit 2 is set, else null
 */
public record SmsStatusReport(boolean moreMessagesToSend, boolean loopPrevention, boolean statusReportQualifier,
                              int messageReference, SmsAddress recipientAddress,
                              ServiceCentreTimeStamp serviceCentreTimeStamp, ServiceCentreTimeStamp dischargeTime,
                              int status, int parameterIndicator, int protocolIdentifierValue,
                              int dataCodingSchemeValue, UserData userData) implements Tpdu {
    /** TP-MTI of SMS-STATUS-REPORT (9.2.3.1). */
    public static final int MTI = 2;
    public static final int PI_PID = 0x01;
    public static final int PI_DCS = 0x02;
    public static final int PI_UDL = 0x04;

    public SmsStatusReport {
        Objects.requireNonNull(recipientAddress, "recipientAddress");
        Objects.requireNonNull(serviceCentreTimeStamp, "serviceCentreTimeStamp");
        Objects.requireNonNull(dischargeTime, "dischargeTime");
        Octets.check("TP-MR", messageReference);
        Octets.check("TP-ST", status);
        Octets.check("TP-PID", protocolIdentifierValue);
        Octets.check("TP-DCS", dataCodingSchemeValue);
        if (parameterIndicator < -1 || parameterIndicator > 0x07) {
            throw new IllegalArgumentException("TP-PI " + parameterIndicator + " is not absent or 0..7");
        }
        int pi = Math.max(parameterIndicator, 0);
        if ((pi & PI_UDL) != 0 != (userData != null)) {
            throw new IllegalArgumentException("TP-PI bit 2 must be set exactly when there is user data");
        }
        if ((pi & PI_PID) == 0 && protocolIdentifierValue != 0 || (pi & PI_DCS) == 0 && dataCodingSchemeValue != 0) {
            throw new IllegalArgumentException("TP-PID and TP-DCS need their TP-PI bits");
        }
        if (userData != null
                && CharacterSet.fromDataCodingScheme(dataCodingSchemeValue) != userData.characterSet()) {
            throw new IllegalArgumentException("TP-DCS does not select the user data's alphabet");
        }
    }

    @Override
    public int protocolIdentifier() {
        return protocolIdentifierValue;
    }

    @Override
    public int dataCodingScheme() {
        return dataCodingSchemeValue;
    }

    @Override
    public UserDataHeader header() {
        return userData == null ? null : userData.header();
    }
}
