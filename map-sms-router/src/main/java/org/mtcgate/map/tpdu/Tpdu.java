package org.mtcgate.map.tpdu;

/**
 * A TPDU that can travel in MAP's SM-RP-UI: SC to MS (MT-ForwardSM) an {@link SmsDeliver} or
 * {@link SmsStatusReport}; MS to SC (MO-ForwardSM) an {@link SmsSubmit} or {@link SmsCommand}
 * (TS 23.040 9.2.3.1; SMS-SUBMIT-REPORT and SMS-DELIVER-REPORT only travel in RP-ACK/RP-ERROR).
 */
public sealed interface Tpdu permits SmsDeliver, SmsStatusReport, SmsSubmit, SmsCommand {
    /** TP-PID, or 0 when the TPDU has none (a status report without it: 9.2.3.27 says 0 is then assumed). */
    int protocolIdentifier();

    /** TP-DCS, or 0 when the TPDU has none. */
    int dataCodingScheme();

    /** The UDH of TP-UD (or of TP-CD in a command), or null. */
    UserDataHeader header();
}
