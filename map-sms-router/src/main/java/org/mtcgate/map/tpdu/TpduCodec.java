package org.mtcgate.map.tpdu;

import java.io.ByteArrayOutputStream;

/**
 * Translates SMS-DELIVER, SMS-STATUS-REPORT, SMS-SUBMIT and SMS-COMMAND TPDUs (TS 23.040 9.2.2) between octets
 * and records. It decides nothing about what a TPDU means: every malformation is a {@link TpduException} naming
 * field and offset.
 *
 * <p>{@link #decodeMt} and {@link #decodeMo} are what a network element that screens SMs uses: they accept only
 * the TPDU types of their direction, and only the canonical encoding, the one {@code encode} writes back octet
 * for octet. Anything a handset might read otherwise than we do (unused or reserved bits set, fill bits or
 * padding not zero, a filler semi-octet other than F, more octets than the lengths say) is refused rather than
 * passed on with a meaning we did not screen.
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

    /**
     * Decodes what an MT-ForwardSM may carry: an SMS-DELIVER or an SMS-STATUS-REPORT, canonically encoded. TP-MTI
     * 01 (SMS-SUBMIT-REPORT, which only travels in RP-ACK/RP-ERROR) and 11 (reserved) are refused.
     */
    public static Tpdu decodeMt(byte[] tpdu) throws TpduException {
        Tpdu decoded = switch (messageTypeIndicator(tpdu)) {
            case SmsDeliver.MTI -> decodeDeliver(tpdu);
            case SmsStatusReport.MTI -> decodeStatusReport(tpdu);
            case 1 -> throw new TpduException("TP-MTI", 0, "SMS-SUBMIT-REPORT (1) does not travel in MT-ForwardSM");
            default -> throw new TpduException("TP-MTI", 0, "reserved value 3 in the SC to MS direction");
        };
        requireCanonical(tpdu, encodeTpdu(decoded));
        return decoded;
    }

    /**
     * Decodes what an MO-ForwardSM may carry: an SMS-SUBMIT or an SMS-COMMAND, canonically encoded. TP-MTI 00
     * (SMS-DELIVER-REPORT, only in RP-ACK/RP-ERROR) and 11 (reserved) are refused.
     */
    public static Tpdu decodeMo(byte[] tpdu) throws TpduException {
        Tpdu decoded = switch (messageTypeIndicator(tpdu)) {
            case SmsSubmit.MTI -> decodeSubmit(tpdu);
            case SmsCommand.MTI -> decodeCommand(tpdu);
            case 0 -> throw new TpduException("TP-MTI", 0, "SMS-DELIVER-REPORT (0) does not travel in MO-ForwardSM");
            default -> throw new TpduException("TP-MTI", 0, "reserved value 3 in the MS to SC direction");
        };
        requireCanonical(tpdu, encodeTpdu(decoded));
        return decoded;
    }

    /** The octets of any TPDU record. */
    public static byte[] encodeTpdu(Tpdu tpdu) throws TpduException {
        if (tpdu instanceof SmsDeliver d) {
            return encode(d);
        }
        if (tpdu instanceof SmsSubmit s) {
            return encode(s);
        }
        if (tpdu instanceof SmsStatusReport r) {
            return encode(r);
        }
        return encode((SmsCommand) tpdu);
    }

    /** Refuses octets that decode to a record whose canonical encoding differs, naming the first octet that does. */
    private static void requireCanonical(byte[] received, byte[] canonical) throws TpduException {
        int n = Math.min(received.length, canonical.length);
        for (int i = 0; i < n; i++) {
            if (received[i] != canonical[i]) {
                throw new TpduException("encoding", i, String.format(
                        "octet %02X is not the canonical %02X (unused bits, fill bits, padding or filler set)",
                        received[i] & 0xFF, canonical[i] & 0xFF));
            }
        }
        if (received.length != canonical.length) {
            throw new TpduException("encoding", n, "the TPDU is " + received.length + " octets, its canonical form "
                    + canonical.length);
        }
    }

    /** Decodes an SMS-STATUS-REPORT (TS 23.040 9.2.2.3), received on the MT path. */
    public static SmsStatusReport decodeStatusReport(byte[] tpdu) throws TpduException {
        TpduReader in = new TpduReader(tpdu);
        int first = in.readOctet("first octet");
        if ((first & MTI_MASK) != SmsStatusReport.MTI) {
            throw new TpduException("TP-MTI", 0, "value " + (first & MTI_MASK) + " is not SMS-STATUS-REPORT (2)");
        }
        int mr = in.readOctet("TP-MR");
        SmsAddress ra = SmsAddress.decode(in, "TP-RA");
        ServiceCentreTimeStamp scts = ServiceCentreTimeStamp.decode(in, "TP-SCTS");
        ServiceCentreTimeStamp dt = ServiceCentreTimeStamp.decode(in, "TP-DT");
        int status = in.readOctet("TP-ST");
        boolean udhi = (first & BIT_UDHI) != 0;
        int pi = -1;
        int pid = 0;
        int dcs = 0;
        UserData ud = null;
        if (in.remaining() > 0) {
            int piOffset = in.position();
            pi = in.readOctet("TP-PI");
            if ((pi & ~0x07) != 0) {
                throw new TpduException("TP-PI", piOffset, String.format(
                        "reserved bits or the extension bit set in %02X (further TP-PI octets are not screened)", pi));
            }
            if ((pi & SmsStatusReport.PI_PID) != 0) {
                pid = in.readOctet("TP-PID");
            }
            if ((pi & SmsStatusReport.PI_DCS) != 0) {
                dcs = in.readOctet("TP-DCS");
            }
            if ((pi & SmsStatusReport.PI_UDL) != 0) {
                ud = UserData.decode(in, CharacterSet.fromDataCodingScheme(dcs), udhi);
            }
        }
        in.requireEnd();
        if (udhi && ud == null) {
            throw new TpduException("TP-UDHI", 0, "set in a status report without TP-UD");
        }
        return new SmsStatusReport((first & BIT_MMS_OR_RD) == 0, (first & BIT_LP) != 0, (first & BIT_SRI_OR_SRR) != 0,
                mr, ra, scts, dt, status, pi, pid, dcs, ud);
    }

    /** Decodes an SMS-COMMAND (TS 23.040 9.2.2.4), received on the MO path. */
    public static SmsCommand decodeCommand(byte[] tpdu) throws TpduException {
        TpduReader in = new TpduReader(tpdu);
        int first = in.readOctet("first octet");
        if ((first & MTI_MASK) != SmsCommand.MTI) {
            throw new TpduException("TP-MTI", 0, "value " + (first & MTI_MASK) + " is not SMS-COMMAND (2)");
        }
        int mr = in.readOctet("TP-MR");
        int pid = in.readOctet("TP-PID");
        int ctOffset = in.position();
        int ct = in.readOctet("TP-CT");
        if (ct > SmsCommand.LAST_STANDARD_COMMAND) {
            throw new TpduException("TP-CT", ctOffset, String.format(
                    "command type %02X is %s: this SC acts on none", ct, ct >= 0xE0 ? "SC-specific" : "reserved"));
        }
        int mn = in.readOctet("TP-MN");
        SmsAddress da = SmsAddress.decode(in, "TP-DA");
        int cdlOffset = in.position();
        int cdl = in.readOctet("TP-CDL");
        if (cdl > SmsCommand.MAX_COMMAND_DATA) {
            throw new TpduException("TP-CDL", cdlOffset, "TP-CDL " + cdl + " exceeds " + SmsCommand.MAX_COMMAND_DATA);
        }
        if (cdl > in.remaining()) {
            throw new TpduException("TP-CDL", cdlOffset, "TP-CDL " + cdl + " needs " + cdl + " octets, only "
                    + in.remaining() + " remain");
        }
        int cdOffset = in.position();
        byte[] cd = in.readOctets("TP-CD", cdl);
        in.requireEnd();
        UserDataHeader header = null;
        int headerOctets = 0;
        if ((first & BIT_UDHI) != 0) {
            header = UserDataHeader.decode(cd, cdOffset);
            headerOctets = 1 + (cd[0] & 0xFF);
        }
        return new SmsCommand((first & BIT_SRI_OR_SRR) != 0, mr, pid, ct, mn, da, header,
                java.util.Arrays.copyOfRange(cd, headerOctets, cd.length));
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

    /** Encodes an SMS-STATUS-REPORT. */
    public static byte[] encode(SmsStatusReport report) throws TpduException {
        UserData ud = report.userData();
        int first = SmsStatusReport.MTI
                | (report.moreMessagesToSend() ? 0 : BIT_MMS_OR_RD)
                | (report.loopPrevention() ? BIT_LP : 0)
                | (report.statusReportQualifier() ? BIT_SRI_OR_SRR : 0)
                | (ud != null && ud.hasHeader() ? BIT_UDHI : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(first);
        out.write(report.messageReference());
        out.writeBytes(report.recipientAddress().encode());
        out.writeBytes(report.serviceCentreTimeStamp().encode());
        out.writeBytes(report.dischargeTime().encode());
        out.write(report.status());
        int pi = report.parameterIndicator();
        if (pi >= 0) {
            out.write(pi);
            if ((pi & SmsStatusReport.PI_PID) != 0) {
                out.write(report.protocolIdentifier());
            }
            if ((pi & SmsStatusReport.PI_DCS) != 0) {
                out.write(report.dataCodingScheme());
            }
            if (ud != null) {
                out.writeBytes(ud.encode());
            }
        }
        return out.toByteArray();
    }

    /** Encodes an SMS-COMMAND. */
    public static byte[] encode(SmsCommand command) throws TpduException {
        byte[] header = command.header() == null ? new byte[0] : command.header().encode();
        byte[] data = command.commandData();
        int cdl = header.length + data.length;
        if (cdl > SmsCommand.MAX_COMMAND_DATA) {
            throw new TpduException("TP-CD", -1, "command data of " + cdl + " octets exceeds "
                    + SmsCommand.MAX_COMMAND_DATA);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + cdl);
        out.write(SmsCommand.MTI | (command.statusReportRequest() ? BIT_SRI_OR_SRR : 0)
                | (command.header() != null ? BIT_UDHI : 0));
        out.write(command.messageReference());
        out.write(command.protocolIdentifier());
        out.write(command.commandType());
        out.write(command.messageNumber());
        out.writeBytes(command.destinationAddress().encode());
        out.write(cdl);
        out.writeBytes(header);
        out.writeBytes(data);
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
