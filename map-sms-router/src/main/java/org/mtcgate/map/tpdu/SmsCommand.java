package org.mtcgate.map.tpdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * SMS-COMMAND (TS 23.040 9.2.2.4), MS to SC: first octet, TP-MR, TP-PID, TP-CT, TP-MN, TP-DA, TP-CDL, TP-CD.
 * With TP-UDHI set, TP-CD starts with a UDH (9.2.3.23), which is screened as in any SM.
 *
 * @param statusReportRequest TP-SRR (bit 5)
 * @param messageReference    TP-MR of this command
 * @param commandType         TP-CT (9.2.3.19): 0 enquiry, 1 cancel status report request, 2 delete, 3 enable
 *                            status report request; the decoder refuses reserved and SC-specific values
 * @param messageNumber       TP-MN: the TP-MR of the SM the command is about
 * @param header              the UDH at the start of TP-CD, or null
 * @param commandData         TP-CD after the UDH
 */
public record SmsCommand(boolean statusReportRequest, int messageReference, int protocolIdentifier, int commandType,
                         int messageNumber, SmsAddress destinationAddress, UserDataHeader header,
                         byte[] commandData) implements Tpdu {
    /** TP-MTI of SMS-COMMAND (9.2.3.1). */
    public static final int MTI = 2;
    /** Highest TP-CT with a meaning in TS 23.040 9.2.3.19 (enable status report request). */
    public static final int LAST_STANDARD_COMMAND = 0x03;
    /** Longest TP-CD (TS 23.040 9.2.3.21). */
    public static final int MAX_COMMAND_DATA = 156;

    public SmsCommand {
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Octets.check("TP-MR", messageReference);
        Octets.check("TP-PID", protocolIdentifier);
        Octets.check("TP-CT", commandType);
        Octets.check("TP-MN", messageNumber);
        commandData = commandData.clone();
    }

    @Override
    public int dataCodingScheme() {
        return 0;
    }

    @Override
    public byte[] commandData() {
        return commandData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmsCommand c && c.statusReportRequest == statusReportRequest
                && c.messageReference == messageReference && c.protocolIdentifier == protocolIdentifier
                && c.commandType == commandType && c.messageNumber == messageNumber
                && c.destinationAddress.equals(destinationAddress) && Objects.equals(c.header, header)
                && Arrays.equals(c.commandData, commandData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageReference, protocolIdentifier, commandType, messageNumber, destinationAddress,
                Arrays.hashCode(commandData));
    }

    @Override
    public String toString() {
        return "SmsCommand[MR=" + messageReference + ", PID=" + protocolIdentifier + ", CT=" + commandType + ", MN="
                + messageNumber + ", DA=" + destinationAddress + ", header=" + header + ", CD=" + Hex.of(commandData)
                + "]";
    }
}
