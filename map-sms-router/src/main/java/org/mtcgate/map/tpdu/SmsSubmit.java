package org.mtcgate.map.tpdu;

import java.util.Objects;

/**
 * SMS-SUBMIT (TS 23.040 9.2.2.2), MS to SC: first octet, TP-MR, TP-DA, TP-PID, TP-DCS, TP-VP (0, 1 or 7
 * octets as TP-VPF says), TP-UDL, TP-UD. TP-VPF comes from {@link #validityPeriod()} and TP-UDHI from the
 * presence of a header in {@link #userData()}.
 *
 * @param rejectDuplicates     TP-RD (bit 2)
 * @param statusReportRequest  TP-SRR (bit 5)
 * @param replyPath            TP-RP (bit 7)
 * @param messageReference     TP-MR, 0..255
 */
public record SmsSubmit(boolean rejectDuplicates, boolean statusReportRequest, boolean replyPath,
                        int messageReference, SmsAddress destinationAddress, int protocolIdentifier,
                        int dataCodingScheme, ValidityPeriod validityPeriod, UserData userData) implements Tpdu {
    /** TP-MTI of SMS-SUBMIT (9.2.3.1). */
    public static final int MTI = 1;

    public SmsSubmit {
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        Objects.requireNonNull(userData, "userData");
        Octets.check("TP-MR", messageReference);
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
