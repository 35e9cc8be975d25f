package org.mtcgate.smpp;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.smsc.Gsm7Alphabet;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.trigger.SmCapacity;

import java.nio.charset.StandardCharsets;

/**
 * What the SMS-SC can put on the air, checked at submit so that an SME hears at once about an SM that could never
 * be delivered, instead of an UNDELIV receipt later. 8-bit data (TP-DCS 0x04 family) and UCS2 (0x08 family) are
 * carried as they come. Text goes on the air in the GSM 7-bit default alphabet (TP-DCS 0x00): data_coding 0, the
 * "SMSC default alphabet" SMPP leaves to each SMSC, is here that alphabet with one septet value per octet (as most
 * SMSCs take it); IA5/ASCII (1) and Latin-1 (3) are converted to it, and a character it lacks is refused by name.
 * With the SME's own UDH (esm_class UDHI) the SM goes as it came, its IEs kept and checked, and must fit one SM (a
 * part of a concatenated SM is one SM here: the SME sends each part); without one, the SMS-SC segments a long SM
 * itself, up to 255 segments, the destination_port TLV as a 16-bit port IE in each.
 */
final class Carriage {
    /** TP-UD octets in one SM (TS 23.040 9.2.3.24). */
    static final int MAX_USER_DATA = 140;
    /** UDHL and the 16-bit port IE the MT path writes for an application port. */
    static final int PORT_HEADER = 7;
    /** data_coding values that are text (SMPP 3.4 5.2.19) and go on the air as GSM 7-bit, TP-DCS 0x00. */
    static final int SMSC_DEFAULT = 0x00;
    static final int IA5 = 0x01;
    static final int LATIN_1 = 0x03;
    private static final int GSM_7BIT_DCS = 0x00;

    private Carriage() {
    }

    /** The SM as the SMS-SC holds it, from the SME's source address. @throws SmppRefusal when the SMS-SC cannot carry it */
    static ShortMessage shortMessage(Submission s) throws SmppRefusal {
        boolean text = s.dataCoding() == SMSC_DEFAULT || s.dataCoding() == IA5 || s.dataCoding() == LATIN_1;
        int coding = s.dataCoding() & 0xEC;
        if (!text && coding != 0x04 && coding != 0x08) {
            throw new SmppRefusal(SmppStatus.INVALID_DATA_CODING, "tsms-not-carried", String.format(
                    "data_coding 0x%02X: this SMS-SC carries text (0x00 GSM 7-bit, 0x01 IA5, 0x03 Latin-1), "
                            + "8-bit data (0x04) and UCS2 (0x08)", s.dataCoding()));
        }
        if (text) {
            return textMessage(s);
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

    /** A text SM as septet values with TP-DCS 0x00; its UDH, when it has one, kept as it came. */
    private static ShortMessage textMessage(Submission s) throws SmppRefusal {
        byte[] ud = s.userData();
        if (s.header() != null && s.destinationPort() != InboundItem.NO_PORT) {
            throw new SmppRefusal(SmppStatus.INVALID_TLV, "tsms-two-ports", "a destination_port TLV with a UDH: "
                    + "put the port in the UDH, so that the UE sees one header and the filter screens what it sees");
        }
        int headerLength = s.header() == null ? 0 : 1 + (ud[0] & 0xFF);
        byte[] septets = septets(s.dataCoding(), java.util.Arrays.copyOfRange(ud, headerLength, ud.length));
        if (s.header() != null) {
            // The header takes whole septets, fill bits included (TS 23.040 9.2.3.24).
            int room = (MAX_USER_DATA * 8 - headerLength * 8) / 7;
            if (septets.length > room) {
                throw new SmppRefusal(SmppStatus.INVALID_LENGTH, "tsms-not-carried", "the text SM with its own UDH needs "
                        + septets.length + " septets; beside that UDH one SM carries " + room);
            }
            return new ShortMessage(s.protocolId(), GSM_7BIT_DCS, InboundItem.NO_PORT, s.priority(), septets,
                    java.util.Arrays.copyOfRange(ud, 1, headerLength), s.sourceAddress());
        }
        if (septets.length > SmCapacity.MAX_PAYLOAD) {
            throw new SmppRefusal(SmppStatus.INVALID_LENGTH, "tsms-not-carried", "the text SM needs " + septets.length
                    + " septets; this SMS-SC concatenates at most " + SmCapacity.MAX_PAYLOAD);
        }
        return new ShortMessage(s.protocolId(), GSM_7BIT_DCS, s.destinationPort(), s.priority(), septets, null,
                s.sourceAddress());
    }

    /** The GSM 7-bit septets of a text body in {@code dataCoding}. @throws SmppRefusal naming what cannot be sent */
    static byte[] septets(int dataCoding, byte[] body) throws SmppRefusal {
        if (dataCoding == SMSC_DEFAULT) {
            for (int i = 0; i < body.length; i++) {
                if ((body[i] & 0xFF) > 0x7F) {
                    throw new SmppRefusal(SmppStatus.INVALID_DATA_CODING, "tsms-not-carried", String.format("data_coding 0: "
                            + "octet %d is 0x%02X; this SMS-SC's default alphabet is GSM 7-bit, one septet (0x00-0x7F) an octet",
                            i + 1, body[i] & 0xFF));
                }
            }
            if (body.length > 0 && escapeOpenAtEnd(body)) {
                throw new SmppRefusal(SmppStatus.INVALID_DATA_CODING, "tsms-not-carried",
                        "data_coding 0: the text ends with an escape (0x1B) and no character after it");
            }
            return body.clone();
        }
        String text = new String(body, dataCoding == IA5 ? StandardCharsets.US_ASCII : StandardCharsets.ISO_8859_1);
        if (dataCoding == IA5 && text.indexOf('\uFFFD') >= 0) {
            throw new SmppRefusal(SmppStatus.INVALID_DATA_CODING, "tsms-not-carried",
                    "data_coding 1 (IA5): an octet above 0x7F is no IA5 character");
        }
        try {
            return Gsm7Alphabet.toSeptets(text);
        } catch (IllegalArgumentException e) {
            throw new SmppRefusal(SmppStatus.INVALID_DATA_CODING, "tsms-not-carried", String.format(
                    "data_coding %d: %s; send it as UCS2 (0x08)", dataCoding, e.getMessage()));
        }
    }

    private static boolean escapeOpenAtEnd(byte[] septets) {
        int i = 0;
        while (i < septets.length) {
            i += septets[i] == Gsm7Alphabet.ESCAPE ? 2 : 1;
        }
        return i > septets.length;
    }
}
