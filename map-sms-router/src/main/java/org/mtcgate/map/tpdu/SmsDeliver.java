package org.mtcgate.map.tpdu;

import java.util.Objects;

/**
 * SMS-DELIVER (TS 23.040 9.2.2.1), SC to MS: first octet, TP-OA, TP-PID, TP-DCS, TP-SCTS, TP-UDL, TP-UD.
 * TP-UDHI is not a field here: it is set exactly when {@link UserData#header()} is present.
 *
 * @param moreMessagesToSend      TP-MMS read as the spec means it: the bit is 0 when more messages wait
 * @param loopPrevention          TP-LP (bit 3)
 * @param statusReportIndication  TP-SRI (bit 5)
 * @param replyPath               TP-RP (bit 7)
 * @param originatingAddress      TP-OA
 * @param protocolIdentifier      TP-PID (9.2.3.9), e.g. 0x48 device triggering, 0x7F (U)SIM data download
 * @param dataCodingScheme        TP-DCS (TS 23.038 clause 4)
 * @param serviceCentreTimeStamp  TP-SCTS
 * @param userData                TP-UD; its alphabet must be the one TP-DCS selects
 */
public record SmsDeliver(boolean moreMessagesToSend, boolean loopPrevention, boolean statusReportIndication,
                         boolean replyPath, SmsAddress originatingAddress, int protocolIdentifier,
                         int dataCodingScheme, ServiceCentreTimeStamp serviceCentreTimeStamp, UserData userData) implements Tpdu {
    /** TP-MTI of SMS-DELIVER (9.2.3.1). */
    public static final int MTI = 0;

    public SmsDeliver {
        Objects.requireNonNull(originatingAddress, "originatingAddress");
        Objects.requireNonNull(serviceCentreTimeStamp, "serviceCentreTimeStamp");
        Objects.requireNonNull(userData, "userData");
        Octets.check("TP-PID", protocolIdentifier);
        Octets.check("TP-DCS", dataCodingScheme);
        userData.requireSelectedBy(dataCodingScheme);
    }

    public boolean userDataHeaderIndicator() {
        return userData.hasHeader();
    }

    @Override
    public UserDataHeader header() {
        return userData.header();
    }
}
