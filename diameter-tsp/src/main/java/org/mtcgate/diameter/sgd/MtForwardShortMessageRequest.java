package org.mtcgate.diameter.sgd;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.DiameterRefusal;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.diameter.tsp.Tbcd;
import org.mtcgate.filter.Imsi;

import java.util.Objects;

/**
 * One MT-Forward-Short-Message-Request (TS 29.338 6.3.2; command 8388646, P bit, application 16777313): one
 * SMS-DELIVER TPDU for {@code imsi}, from the SMS-SC at {@code scAddress}. Written by the SMS-SC, read by an MME.
 *
 * @param moreMessages TFR-Flags More-Messages-To-Send: another segment of the same SM follows, so the MME keeps
 *                     the NAS connection to the UE
 */
public record MtForwardShortMessageRequest(Imsi imsi, String scAddress, byte[] tpdu, boolean moreMessages) {
    public MtForwardShortMessageRequest {
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(tpdu, "tpdu");
        if (scAddress == null || !scAddress.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("SC-Address needs E.164 digits, not '" + scAddress + "'");
        }
        tpdu = tpdu.clone();
    }

    @Override
    public byte[] tpdu() {
        return tpdu.clone();
    }

    /**
     * Auth-Session-State NO_STATE_MAINTAINED: SGd keeps no session state. No SM-Delivery-Timer/-Start-Time: they
     * invite the MME to hold its answer while it waits for the UE, beyond the node's request timeout.
     */
    public DiameterMessage encode(String sessionId, String mmeHost, String mmeRealm) {
        DiameterMessage.Builder b = DiameterMessage.request(CommandCodes.MT_FORWARD_SHORT_MESSAGE, ApplicationIds.SGD, true)
                .avp(BaseAvps.sessionId(sessionId))
                .avp(SgdAvps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationHost(mmeHost))
                .avp(BaseAvps.destinationRealm(mmeRealm))
                .avp(SgdAvps.userName(imsi.digits()))
                .avp(SgdAvps.scAddress(scAddress))
                .avp(SgdAvps.smRpUi(tpdu));
        if (moreMessages) {
            b.avp(SgdAvps.tfrFlags(SgdAvps.MORE_MESSAGES_TO_SEND));
        }
        return b.build();
    }

    /**
     * The MME's reading of a TFR that passed the dictionary.
     *
     * @throws DiameterRefusalException 5005 without User-Name, SC-Address or SM-RP-UI; 5004 for a User-Name that
     *                                  is no IMSI or an SC-Address that is no TBCD number
     */
    public static MtForwardShortMessageRequest decode(DiameterMessage tfr) {
        Avp user = tfr.avp(AvpCodes.USER_NAME, VendorIds.IETF).orElseThrow(() -> new DiameterRefusalException(
                DiameterRefusal.missing(SgdAvps.userName("0"), "a TFR needs User-Name (the IMSI)")));
        Imsi imsi;
        try {
            imsi = Imsi.of(user.utf8());
        } catch (IllegalArgumentException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(user, "User-Name is not an IMSI"));
        }
        Avp sc = tfr.avp(AvpCodes.SC_ADDRESS, VendorIds.TGPP).orElseThrow(() -> new DiameterRefusalException(
                DiameterRefusal.missing(SgdAvps.scAddress("0"), "a TFR needs SC-Address")));
        String scDigits;
        try {
            scDigits = Tbcd.decode(sc.data());
        } catch (IllegalArgumentException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(sc, "SC-Address: " + e.getMessage()));
        }
        if (scDigits.isEmpty()) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(sc, "SC-Address is empty"));
        }
        Avp ui = tfr.avp(AvpCodes.SM_RP_UI, VendorIds.TGPP).orElseThrow(() -> new DiameterRefusalException(
                DiameterRefusal.missing(SgdAvps.smRpUi(new byte[0]), "a TFR needs SM-RP-UI")));
        boolean more = tfr.avp(AvpCodes.TFR_FLAGS, VendorIds.TGPP).filter(a -> a.dataLength() == 4)
                .map(a -> (a.unsigned32() & SgdAvps.MORE_MESSAGES_TO_SEND) != 0).orElse(false);
        return new MtForwardShortMessageRequest(imsi, scDigits, ui.data(), more);
    }
}
