package org.mtcgate.smpp;

import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.mtcgate.filter.InboundItem;

/**
 * Reads submit_sm and data_sm (SMPP 3.4 4.4.1, 4.7.1) into a {@link Submission}. The SMS-SC stores and forwards
 * and nothing else, so esm_class must ask for the default or store-and-forward mode and the default message type;
 * the text is short_message or the message_payload TLV, never both.
 */
final class SubmissionReader {
    private static final int UDHI = 0x40;
    private static final int REPLY_PATH = 0x80;

    private SubmissionReader() {
    }

    static Submission read(SubmitSm pdu) throws SmppRefusal {
        byte[] shortMessage = pdu.getShortMessage() == null ? new byte[0] : pdu.getShortMessage();
        byte[] payload = payload(pdu);
        if (payload != null && shortMessage.length > 0) {
            throw new SmppRefusal(SmppStatus.INVALID_TLV, "tsms-two-texts",
                    "short_message and message_payload are both given (SMPP 3.4 5.3.2.32: one or the other)");
        }
        return build(pdu, pdu.getProtocolId() & 0xFF, pdu.getPriorityFlag() > 0, payload != null ? payload : shortMessage,
                nullToEmpty(pdu.getValidityPeriod()), nullToEmpty(pdu.getScheduleDeliveryTime()));
    }

    static Submission read(DataSm pdu) throws SmppRefusal {
        byte[] payload = payload(pdu);
        // data_sm has no protocol_id, priority or validity: TP-PID 0, the default validity.
        return build(pdu, 0, false, payload == null ? new byte[0] : payload, "", "");
    }

    private static Submission build(AbstractSmCommand pdu, int pid, boolean priority, byte[] userData, String validity,
                                    String schedule) throws SmppRefusal {
        int esm = pdu.getEsmClass() & 0xFF;
        int mode = esm & 0x03;
        if (mode == 1 || mode == 2) {
            throw new SmppRefusal(SmppStatus.INVALID_ESM_CLASS, "tsms-esm-class",
                    "esm_class asks for " + (mode == 1 ? "datagram" : "forward (transaction)") + " mode; this SMS-SC stores and forwards");
        }
        if ((esm & 0x3C) != 0) {
            throw new SmppRefusal(SmppStatus.INVALID_ESM_CLASS, "tsms-esm-class",
                    String.format("esm_class 0x%02X is not a default message type", esm));
        }
        if ((esm & REPLY_PATH) != 0) {
            throw new SmppRefusal(SmppStatus.INVALID_ESM_CLASS, "tsms-esm-class", "this SMS-SC offers no reply path");
        }
        UserDataHeader header = (esm & UDHI) != 0 ? UserDataHeader.read(userData) : null;
        return new Submission(nullToEmpty(pdu.getSourceAddr()), nullToEmpty(pdu.getDestAddress()), esm, pid,
                pdu.getDataCoding() & 0xFF, priority, pdu.getRegisteredDelivery() & 0xFF, userData, header,
                port(pdu, OptionalParameter.Tag.DESTINATION_PORT), port(pdu, OptionalParameter.Tag.SOURCE_PORT),
                validity, schedule);
    }

    private static byte[] payload(AbstractSmCommand pdu) {
        OptionalParameter p = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        return p instanceof OptionalParameter.OctetString o ? o.getValue() : null;
    }

    private static int port(AbstractSmCommand pdu, OptionalParameter.Tag tag) throws SmppRefusal {
        OptionalParameter p = pdu.getOptionalParameter(tag);
        if (p == null) {
            return InboundItem.NO_PORT;
        }
        if (p instanceof OptionalParameter.Short s) {
            return s.getValue() & 0xFFFF;
        }
        throw new SmppRefusal(SmppStatus.INVALID_TLV, "tsms-bad-tlv", tag + " is not two octets");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
