package org.mtcgate.smpp;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.smsc.ShortMessage;

/**
 * What the SMS-SC can put on the air, checked at submit so that an SME hears at once about an SM that could never
 * be delivered, instead of an UNDELIV receipt later. The SMS-SC's MT path writes one SMS-DELIVER of 8-bit data
 * (TP-DCS 0x04 family) with at most the 16-bit port IE as its header, within 140 octets. So a UDH from the SME is
 * carried when it holds an application port IE and nothing else (the port is written again as a 16-bit IE); other
 * IEs (concatenation, SIM toolkit headers) and other alphabets are refused.
 */
final class Carriage {
    /** TP-UD octets in one SM (TS 23.040 9.2.3.24). */
    static final int MAX_USER_DATA = 140;
    /** UDHL and the 16-bit port IE the MT path writes for an application port. */
    static final int PORT_HEADER = 7;

    private Carriage() {
    }

    /** The SM as the SMS-SC holds it. @throws SmppRefusal when the SMS-SC cannot carry it */
    static ShortMessage shortMessage(Submission s) throws SmppRefusal {
        if ((s.dataCoding() & 0xEC) != 0x04) {
            throw new SmppRefusal(SmppStatus.INVALID_DATA_CODING, "tsms-not-carried", String.format(
                    "data_coding 0x%02X: this SMS-SC delivers 8-bit data (0x04) only", s.dataCoding()));
        }
        byte[] ud = s.userData();
        byte[] body = ud;
        int port = s.destinationPort();
        UserDataHeader h = s.header();
        if (h != null) {
            for (int iei : h.identifiers()) {
                if (iei != 0x04 && iei != 0x05) {
                    throw new SmppRefusal(SmppStatus.INVALID_ESM_CLASS, "tsms-not-carried", String.format(
                            "UDH IEI %02X: this SMS-SC carries only an application port in the header", iei));
                }
            }
            if (port != InboundItem.NO_PORT && h.destinationPort() != InboundItem.NO_PORT) {
                throw new SmppRefusal(SmppStatus.INVALID_TLV, "tsms-two-ports",
                        "destination_port TLV and a port IE in the UDH: which one the UE would use is not defined");
            }
            if (h.destinationPort() != InboundItem.NO_PORT) {
                port = h.destinationPort();
            }
            body = java.util.Arrays.copyOfRange(ud, h.length(), ud.length);
        }
        int size = body.length + (port == InboundItem.NO_PORT ? 0 : PORT_HEADER);
        if (size > MAX_USER_DATA) {
            throw new SmppRefusal(SmppStatus.INVALID_LENGTH, "tsms-not-carried", "the SM needs " + size
                    + " octets of user data; one SM carries " + MAX_USER_DATA);
        }
        return new ShortMessage(s.protocolId(), s.dataCoding(), port, s.priority(), body);
    }
}
