package org.mtcgate.smpp;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.trigger.SmCapacity;

/**
 * What the SMS-SC can put on the air, checked at submit so that an SME hears at once about an SM that could never
 * be delivered, instead of an UNDELIV receipt later. 8-bit data (TP-DCS 0x04 family) and UCS2 (0x08 family) are
 * carried; the SMSC default alphabet is not (an SME's "default alphabet" is a local convention, and the SMS-SC would
 * have to guess it). With the SME's own UDH (esm_class UDHI) the SM goes as it came, its IEs kept and checked, and
 * must fit one SM (a part of a concatenated SM is one SM here: the SME sends each part); without one, the SMS-SC
 * segments a long SM itself, up to 255 segments, the destination_port TLV as a 16-bit port IE in each.
 */
final class Carriage {
    /** TP-UD octets in one SM (TS 23.040 9.2.3.24). */
    static final int MAX_USER_DATA = 140;
    /** UDHL and the 16-bit port IE the MT path writes for an application port. */
    static final int PORT_HEADER = 7;

    private Carriage() {
    }

    /** The SM as the SMS-SC holds it, from the SME's source address. @throws SmppRefusal when the SMS-SC cannot carry it */
    static ShortMessage shortMessage(Submission s) throws SmppRefusal {
        int coding = s.dataCoding() & 0xEC;
        if (coding != 0x04 && coding != 0x08) {
            throw new SmppRefusal(SmppStatus.INVALID_DATA_CODING, "tsms-not-carried", String.format(
                    "data_coding 0x%02X: this SMS-SC carries 8-bit data (0x04) and UCS2 (0x08)", s.dataCoding()));
        }
        byte[] ud = s.userData();
        if (s.header() != null && s.destinationPort() != InboundItem.NO_PORT) {
            throw new SmppRefusal(SmppStatus.INVALID_TLV, "tsms-two-ports", "a destination_port TLV with a UDH: "
                    + "put the port in the UDH, so that the UE sees one header and the filter screens what it sees");
        }
        if (s.header() != null) {
            if (ud.length > MAX_USER_DATA) {
                throw new SmppRefusal(SmppStatus.INVALID_LENGTH, "tsms-not-carried", "the SM with its own UDH needs "
                        + ud.length + " octets of user data; one SM carries " + MAX_USER_DATA);
            }
            int headerLength = 1 + (ud[0] & 0xFF);
            byte[] ies = java.util.Arrays.copyOfRange(ud, 1, headerLength);
            byte[] body = java.util.Arrays.copyOfRange(ud, headerLength, ud.length);
            return new ShortMessage(s.protocolId(), s.dataCoding(), InboundItem.NO_PORT, s.priority(), body, ies, s.sourceAddress());
        }
        if (ud.length > SmCapacity.MAX_PAYLOAD) {
            throw new SmppRefusal(SmppStatus.INVALID_LENGTH, "tsms-not-carried", "the SM needs " + ud.length
                    + " octets of user data; a concatenated SM of 255 segments carries " + SmCapacity.MAX_PAYLOAD);
        }
        return new ShortMessage(s.protocolId(), s.dataCoding(), s.destinationPort(), s.priority(), ud, null, s.sourceAddress());
    }
}
