package org.mtcgate.map.smsc;

import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmsDeliverEncoder;
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
 * The SMS-DELIVERs that carry a held SM: its TP-PID and TP-DCS, the application port in a 16-bit port addressing IE
 * (IEI 0x05) when it has one, then the user data (for a device trigger, TS 23.682 5.2.1 and TS 23.040 9.2.3.9:
 * TP-PID 0x48, 8-bit data). TP-OA is the SMS-SC's configured originator address.
 *
 * <p>User data longer than one SM goes as a concatenated SM (TS 23.040 9.2.3.24.8: 16-bit reference, taken from
 * the SM's name so that every attempt sends the same), the port IE repeated in every segment (9.2.3.24.4 asks for
 * it in each, so that the UE can route any segment). With both IEs, 127 octets fit a segment; at most 255 segments.
 */
public final class SmsDeliverTpdu implements SmsDeliverEncoder {
    /** UDHL (1) + port IE (2 + 4) + concatenation IE (2 + 4). */
    static final int HEADER_OCTETS_CONCATENATED = 13;

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

    /** @throws TpduException when the SM is not 8-bit data, or needs more than 255 segments */
    public static List<byte[]> segments(ShortMessage sm, int reference, String originatorAddress, Clock clock) throws TpduException {
        checkEightBit(sm);
        byte[] data = sm.userData();
        if (fitsOne(sm)) {
            return List.of(TpduCodec.encode(deliver(sm, originatorAddress, clock)));
        }
        int perSegment = UserData.MAX_OCTETS - (sm.applicationPort() >= 0 ? HEADER_OCTETS_CONCATENATED : 7);
        int total = (data.length + perSegment - 1) / perSegment;
        if (total > 255) {
            throw new TpduException("TP-UD", 0, data.length + " octets need " + total + " segments (at most 255)");
        }
        List<byte[]> out = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] part = Arrays.copyOfRange(data, i * perSegment, Math.min(data.length, (i + 1) * perSegment));
            List<InformationElement> ies = new ArrayList<>(2);
            ies.add(InformationElement.concatenation16(reference, total, i + 1));
            if (sm.applicationPort() >= 0) {
                ies.add(InformationElement.applicationPort16(sm.applicationPort(), 0));
            }
            out.add(TpduCodec.encode(tpdu(sm, new UserDataHeader(ies), part, originatorAddress, clock)));
        }
        return out;
    }

    /** Whether the SM fits one SMS-DELIVER: 140 octets with its port IE (UDHL + 6) when it has one. */
    private static boolean fitsOne(ShortMessage sm) {
        return sm.length() + (sm.applicationPort() >= 0 ? 7 : 0) <= UserData.MAX_OCTETS;
    }

    /** @throws TpduException when the SM is not octet-coded 8-bit data, or does not fit one SM (140 octets) */
    public static SmsDeliver deliver(ShortMessage sm, String originatorAddress, Clock clock) throws TpduException {
        checkEightBit(sm);
        UserDataHeader header = sm.applicationPort() >= 0
                ? UserDataHeader.of(InformationElement.applicationPort16(sm.applicationPort(), 0))
                : null;
        return tpdu(sm, header, sm.userData(), originatorAddress, clock);
    }

    private static SmsDeliver tpdu(ShortMessage sm, UserDataHeader header, byte[] data, String originatorAddress, Clock clock) {
        return new SmsDeliver(false, false, false, false, SmsAddress.international(originatorAddress),
                sm.protocolId(), sm.dataCoding(), ServiceCentreTimeStamp.of(OffsetDateTime.now(clock)),
                UserData.eightBit(header, data));
    }

    // Only 8-bit data is held today (triggers); other alphabets need their own user-data packing.
    private static void checkEightBit(ShortMessage sm) throws TpduException {
        if ((sm.dataCoding() & 0xEC) != 0x04) {
            throw new TpduException("TP-DCS", 0, "0x" + Integer.toHexString(sm.dataCoding()) + " is not uncompressed 8-bit data");
        }
    }

    public static byte[] encode(ShortMessage sm, String originatorAddress, Clock clock) throws TpduException {
        return TpduCodec.encode(deliver(sm, originatorAddress, clock));
    }
}
