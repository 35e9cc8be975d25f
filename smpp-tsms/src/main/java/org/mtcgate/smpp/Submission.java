package org.mtcgate.smpp;

import org.mtcgate.filter.InboundItem;

import java.util.Objects;

/**
 * One submit_sm or data_sm as this server reads it, before any check of who may send it.
 *
 * @param sourceAddress      source_addr as written
 * @param destinationAddress destination_addr as written
 * @param esmClass           esm_class
 * @param protocolId         protocol_id (TP-PID; 0 for data_sm, which has none)
 * @param dataCoding         data_coding (TP-DCS)
 * @param priority           priority_flag above 0
 * @param registeredDelivery registered_delivery
 * @param userData           short_message, or the message_payload TLV
 * @param header             the UDH at the start of userData when esm_class has UDHI, else null
 * @param destinationPort    the destination_port TLV, or {@link InboundItem#NO_PORT}
 * @param sourcePort         the source_port TLV, or {@link InboundItem#NO_PORT}
 * @param validityPeriod     validity_period, empty when absent
 * @param scheduleDelivery   schedule_delivery_time, empty when absent
 */
public record Submission(String sourceAddress, String destinationAddress, int esmClass, int protocolId, int dataCoding,
                         boolean priority, int registeredDelivery, byte[] userData, UserDataHeader header,
                         int destinationPort, int sourcePort, String validityPeriod, String scheduleDelivery) {
    public Submission {
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        userData = userData.clone();
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    /** esm_class bit 6 (0x40): userData starts with a UDH. */
    public boolean udhi() {
        return header != null;
    }
}
