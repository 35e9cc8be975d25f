package org.mtcgate.smpp;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.smsc.ShortMessage;

/**
 * What the SMS-SC can put on the air, checked at submit so that an SME hears at once about an SM that could never
 * be delivered, instead of an UNDELIV receipt later. The SMS-SC's MT path writes one SMS-DELIVER of 8-bit data
 * (TP-DCS 0x04 family) within 140 octets of TP-UD: either with the port from the destination_port TLV as a 16-bit
 * port IE, or with the SME's own UDH (esm_class UDHI) as it came, concatenation and port IEs included (a part of a
 * concatenated SM is one SM here: the SME sends each part). Other alphabets are refused.
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
        if (s.header() != null && s.destinationPort() != InboundItem.NO_PORT) {
            throw new SmppRefusal(SmppStatus.INVALID_TLV, "tsms-two-ports", "a destination_port TLV with a UDH: "
                    + "put the port in the UDH, so that the UE sees one header and the filter screens what it sees");
        }
        int port = s.header() != null ? InboundItem.NO_PORT : s.destinationPort();
        int size = ud.length + (port == InboundItem.NO_PORT ? 0 : PORT_HEADER);
        if (size > MAX_USER_DATA) {
            throw new SmppRefusal(SmppStatus.INVALID_LENGTH, "tsms-not-carried", "the SM needs " + size
                    + " octets of user data; one SM carries " + MAX_USER_DATA);
        }
        return new ShortMessage(s.protocolId(), s.dataCoding(), port, s.priority(), ud, s.header() != null);
    }
}
