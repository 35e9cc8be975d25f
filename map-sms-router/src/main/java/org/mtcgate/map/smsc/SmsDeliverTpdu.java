package org.mtcgate.map.smsc;

import org.mtcgate.filter.smsc.Gsm7Alphabet;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmsDeliverEncoder;
import org.mtcgate.map.tpdu.CharacterSet;
import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.TpduException;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SMS-DELIVERs that carry a held SM: its TP-PID and TP-DCS, its user data header (the IEs it came with, plus the
 * application port in a 16-bit port addressing IE when it has one), then the user data in its alphabet (for a device
 * trigger, TS 23.682 5.2.1 and TS 23.040 9.2.3.9: TP-PID 0x48, 8-bit data). TP-OA is the SM's originator when it was
 * relayed for someone (an MO SM, an SME's SM), else the SMS-SC's configured originator address.
 *
 * <p>User data longer than one SM goes as a concatenated SM (TS 23.040 9.2.3.24.8: 16-bit reference, taken from the
 * SM's name so that every attempt sends the same), the other IEs (the port among them) repeated in every segment
 * (9.2.3.24.4 asks for the port in each, so the UE can route any segment). With a port and 8-bit data, 127 octets fit
 * a segment; at most 255 segments. An SM that already carries a concatenation IE (one part of an MO SM) is sent as it
 * is and never segmented again.
 */
public final class SmsDeliverTpdu implements SmsDeliverEncoder {
    /** UDHL (1) + port IE (2 + 4) + concatenation IE (2 + 4). */
    static final int HEADER_OCTETS_CONCATENATED = 13;
    private static final int CONCATENATION_IE_OCTETS = 6;

    private final String originatorAddress;
    private final Clock clock;

    public SmsDeliverTpdu(String originatorAddress, Clock clock) {
        this.originatorAddress = originatorAddress;
        this.clock = clock;
    }

    @Override
    public List<byte[]> encode(HeldSm sm) {
        try {
            return segments(sm.message(), reference(sm), originatorAddress, clock);
        } catch (TpduException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The concatenation reference of an SM: a hash of its name, so retries and restarts repeat it. */
    static int reference(HeldSm sm) {
        return (sm.id().submitter().hashCode() * 31 + Long.hashCode(sm.id().reference())) & 0xFFFF;
    }

    /** @throws TpduException when the header does not decode, or the SM needs more than 255 segments or cannot be split */
    public static List<byte[]> segments(ShortMessage sm, int reference, String originatorAddress, Clock clock) throws TpduException {
        CharacterSet alphabet = CharacterSet.fromDataCodingScheme(sm.dataCoding());
        List<InformationElement> ies = new ArrayList<>(UserDataHeader.ofElementBytes(sm.header()).elements());
        if (sm.applicationPort() >= 0) {
            ies.add(InformationElement.applicationPort16(sm.applicationPort(), 0));
        }
        UserDataHeader header = ies.isEmpty() ? null : new UserDataHeader(ies);
        int headerOctets = header == null ? 0 : 1 + header.elementBytes().length;
        byte[] body = sm.userData();
        if (body.length <= capacity(alphabet, headerOctets)) {
            return List.of(TpduCodec.encode(tpdu(sm, header, body, originatorAddress, clock)));
        }
        if (header != null && header.concatenation().isPresent()) {
            throw new TpduException("TP-UD", 0, "one part of a concatenated SM does not fit one SM");
        }
        int perSegment = capacity(alphabet, (headerOctets == 0 ? 1 : headerOctets) + CONCATENATION_IE_OCTETS);
        if (alphabet == CharacterSet.UCS2) {
            perSegment &= ~1; // a UTF-16 code unit is never split between segments
        }
        List<int[]> cuts = cuts(body, perSegment, alphabet);
        int total = cuts.size();
        if (total > 255) {
            throw new TpduException("TP-UD", 0, body.length + " units need " + total + " segments (at most 255)");
        }
        List<byte[]> out = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] part = Arrays.copyOfRange(body, cuts.get(i)[0], cuts.get(i)[1]);
            List<InformationElement> segmentIes = new ArrayList<>(ies.size() + 1);
            segmentIes.add(InformationElement.concatenation16(reference, total, i + 1));
            segmentIes.addAll(ies);
            out.add(TpduCodec.encode(tpdu(sm, new UserDataHeader(segmentIes), part, originatorAddress, clock)));
        }
        return out;
    }

    /**
     * Where the body is cut into segments of at most {@code perSegment} units: in 7-bit text an escape and the septet
     * after it are one character (TS 23.038 6.2.1.1), so a segment never ends between them; a handset would read the
     * escape alone as a space and the next segment's first septet as a character of the basic table.
     */
    static List<int[]> cuts(byte[] body, int perSegment, CharacterSet alphabet) {
        List<int[]> cuts = new ArrayList<>();
        int at = 0;
        while (at < body.length) {
            int end = Math.min(body.length, at + perSegment);
            if (alphabet == CharacterSet.GSM_7BIT && end < body.length && escapeOpenAt(body, at, end)) {
                end--;
            }
            cuts.add(new int[] {at, end});
            at = end;
        }
        return cuts;
    }

    /** Whether the septets {@code [from, end)} end with an escape whose character is past {@code end}. */
    private static boolean escapeOpenAt(byte[] septets, int from, int end) {
        int i = from;
        while (i < end) {
            i += (septets[i] & 0x7F) == Gsm7Alphabet.ESCAPE ? 2 : 1;
        }
        return i > end;
    }

    /** Body units (septets or octets) that fit one SM beside a header of {@code headerOctets} (UDHL included). */
    private static int capacity(CharacterSet alphabet, int headerOctets) {
        int octets = UserData.MAX_OCTETS - headerOctets;
        // 7-bit: the header takes whole septets (with fill bits), TS 23.040 9.2.3.24
        return alphabet == CharacterSet.GSM_7BIT ? (UserData.MAX_OCTETS * 8 - headerOctets * 8) / 7 : octets;
    }

    /** One SMS-DELIVER for an SM that fits one (what the lab tools and tests send). */
    public static SmsDeliver deliver(ShortMessage sm, String originatorAddress, Clock clock) throws TpduException {
        List<InformationElement> ies = new ArrayList<>(UserDataHeader.ofElementBytes(sm.header()).elements());
        if (sm.applicationPort() >= 0) {
            ies.add(InformationElement.applicationPort16(sm.applicationPort(), 0));
        }
        return tpdu(sm, ies.isEmpty() ? null : new UserDataHeader(ies), sm.userData(), originatorAddress, clock);
    }

    private static SmsDeliver tpdu(ShortMessage sm, UserDataHeader header, byte[] body, String originatorAddress, Clock clock) {
        String oa = sm.originator() != null ? sm.originator() : originatorAddress;
        return new SmsDeliver(false, false, false, false, SmsAddress.international(oa),
                sm.protocolId(), sm.dataCoding(), ServiceCentreTimeStamp.of(OffsetDateTime.now(clock)),
                new UserData(CharacterSet.fromDataCodingScheme(sm.dataCoding()), header, body));
    }

    public static byte[] encode(ShortMessage sm, String originatorAddress, Clock clock) throws TpduException {
        return TpduCodec.encode(deliver(sm, originatorAddress, clock));
    }
}
