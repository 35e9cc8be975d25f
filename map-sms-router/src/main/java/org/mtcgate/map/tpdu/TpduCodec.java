package org.mtcgate.map.tpdu;

import java.io.ByteArrayOutputStream;

/**
 * Translates SMS-DELIVER and SMS-SUBMIT TPDUs (TS 23.040 9.2.2) between octets and records. It decides
 * nothing about what a TPDU means: every malformation is a {@link TpduException} naming field and offset.
 */
public final class TpduCodec {
    // First-octet bits (TS 23.040 9.2.3.1 .. 9.2.3.26).
    private static final int MTI_MASK = 0x03;
    private static final int BIT_MMS_OR_RD = 0x04;
    private static final int BIT_LP = 0x08;
    private static final int VPF_SHIFT = 3;
    private static final int BIT_SRI_OR_SRR = 0x20;
    private static final int BIT_UDHI = 0x40;
    private static final int BIT_RP = 0x80;

    private TpduCodec() {
    }

    /** TP-MTI of the first octet; its meaning depends on the direction (TS 23.040 9.2.3.1). */
    public static int messageTypeIndicator(byte[] tpdu) throws TpduException {
        if (tpdu.length == 0) {
            throw new TpduException("first octet", 0, "empty TPDU");
        }
        return tpdu[0] & MTI_MASK;
    }

    /** Decodes an SMS-DELIVER (received on the MT path). */
    public static SmsDeliver decodeDeliver(byte[] tpdu) throws TpduException {
        TpduReader in = new TpduReader(tpdu);
        int first = in.readOctet("first octet");
        if ((first & MTI_MASK) != SmsDeliver.MTI) {
            throw new TpduException("TP-MTI", 0, "value " + (first & MTI_MASK) + " is not SMS-DELIVER (0)");
        }
        SmsAddress oa = SmsAddress.decode(in, "TP-OA");
        int pid = in.readOctet("TP-PID");
        int dcs = in.readOctet("TP-DCS");
        ServiceCentreTimeStamp scts = ServiceCentreTimeStamp.decode(in, "TP-SCTS");
        UserData ud = UserData.decode(in, CharacterSet.fromDataCodingScheme(dcs), (first & BIT_UDHI) != 0);
        return new SmsDeliver((first & BIT_MMS_OR_RD) == 0, (first & BIT_LP) != 0, (first & BIT_SRI_OR_SRR) != 0,
                (first & BIT_RP) != 0, oa, pid, dcs, scts, ud);
    }

    /** Decodes an SMS-SUBMIT (received on the MO path). */
    public static SmsSubmit decodeSubmit(byte[] tpdu) throws TpduException {
        TpduReader in = new TpduReader(tpdu);
        int first = in.readOctet("first octet");
        if ((first & MTI_MASK) != SmsSubmit.MTI) {
            throw new TpduException("TP-MTI", 0, "value " + (first & MTI_MASK) + " is not SMS-SUBMIT (1)");
        }
        int mr = in.readOctet("TP-MR");
        SmsAddress da = SmsAddress.decode(in, "TP-DA");
        int pid = in.readOctet("TP-PID");
        int dcs = in.readOctet("TP-DCS");
        ValidityPeriod vp = switch ((first >>> VPF_SHIFT) & 0x03) {
            case 0 -> new ValidityPeriod.None();
            case 2 -> new ValidityPeriod.Relative(in.readOctet("TP-VP"));
            case 1 -> new ValidityPeriod.Enhanced(in.readOctets("TP-VP", 7));
            default -> new ValidityPeriod.Absolute(ServiceCentreTimeStamp.decode(in, "TP-VP"));
        };
        UserData ud = UserData.decode(in, CharacterSet.fromDataCodingScheme(dcs), (first & BIT_UDHI) != 0);
        return new SmsSubmit((first & BIT_MMS_OR_RD) != 0, (first & BIT_SRI_OR_SRR) != 0, (first & BIT_RP) != 0,
                mr, da, pid, dcs, vp, ud);
    }

    /** Encodes an SMS-DELIVER; throws when a field cannot be represented (address, header or UD too long). */
    public static byte[] encode(SmsDeliver deliver) throws TpduException {
        int first = SmsDeliver.MTI
                | (deliver.moreMessagesToSend() ? 0 : BIT_MMS_OR_RD)
                | (deliver.loopPrevention() ? BIT_LP : 0)
                | (deliver.statusReportIndication() ? BIT_SRI_OR_SRR : 0)
                | (deliver.userDataHeaderIndicator() ? BIT_UDHI : 0)
                | (deliver.replyPath() ? BIT_RP : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(first);
        out.writeBytes(deliver.originatingAddress().encode());
        out.write(deliver.protocolIdentifier());
        out.write(deliver.dataCodingScheme());
        out.writeBytes(deliver.serviceCentreTimeStamp().encode());
        out.writeBytes(deliver.userData().encode());
        return out.toByteArray();
    }

    /** Encodes an SMS-SUBMIT. */
    public static byte[] encode(SmsSubmit submit) throws TpduException {
        ValidityPeriod vp = submit.validityPeriod();
        int first = SmsSubmit.MTI
                | (submit.rejectDuplicates() ? BIT_MMS_OR_RD : 0)
                | vp.format() << VPF_SHIFT
                | (submit.statusReportRequest() ? BIT_SRI_OR_SRR : 0)
                | (submit.userDataHeaderIndicator() ? BIT_UDHI : 0)
                | (submit.replyPath() ? BIT_RP : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(first);
        out.write(submit.messageReference());
        out.writeBytes(submit.destinationAddress().encode());
        out.write(submit.protocolIdentifier());
        out.write(submit.dataCodingScheme());
        if (vp instanceof ValidityPeriod.Relative relative) {
            out.write(relative.octet());
        } else if (vp instanceof ValidityPeriod.Enhanced enhanced) {
            out.writeBytes(enhanced.octets());
        } else if (vp instanceof ValidityPeriod.Absolute absolute) {
            out.writeBytes(absolute.time().encode());
        }
        out.writeBytes(submit.userData().encode());
        return out.toByteArray();
    }
}
