package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.filter.trigger.UeName;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A SIR as the HSS reads it (TS 29.336 6.2.3): which UE, which SCS. Only translates; an SIR this HSS
 * cannot act on is refused at the Diameter level with the RFC 6733 code and Failed-AVP.
 *
 * @param ue          the UE as the MTC-IWF named it
 * @param scsIdentity SCS-Identity
 * @param sirFlags    SIR-Flags
 */
public record SubscriberInformationQuery(UeName ue, String scsIdentity, long sirFlags) {
    /**
     * @throws DiameterRefusalException for a SIR to refuse: no User-Identifier or no UE name in it (5005),
     *                                  no Service-ID or SCS-Identity (5005: the SIR grammar makes both optional
     *                                  because S6n SIRs lack them, but this HSS role serves S6m device
     *                                  triggering only and cannot authorise without them), a Service-ID other
     *                                  than DEVICE_TRIGGER or a malformed value (5004)
     */
    public static SubscriberInformationQuery decode(DiameterMessage sir) {
        Avp ui = sir.avp(AvpCodes.USER_IDENTIFIER, VendorIds.TGPP).orElseThrow(() -> new DiameterRefusalException(
                DiameterRefusal.missing(TgppAvps.tgpp(AvpCodes.USER_IDENTIFIER).grouped(), "SIR needs User-Identifier")));
        UserIdentifier user = UserIdentifier.decode(ui);
        if (user.externalId() == null && user.msisdn() == null) {
            // The MTC-IWF never knows the IMSI (TS 23.682 5.2.1); an HSS lookup by IMSI alone is not offered.
            throw new DiameterRefusalException(DiameterRefusal.missing(
                    UserIdentifier.missingChild(AvpCodes.EXTERNAL_IDENTIFIER, VendorIds.TGPP),
                    "User-Identifier needs External-Identifier or MSISDN"));
        }
        Avp service = sir.avp(AvpCodes.SERVICE_ID, VendorIds.TGPP).orElseThrow(() -> new DiameterRefusalException(
                DiameterRefusal.missing(S6mAvps.serviceId(S6mAvps.SERVICE_DEVICE_TRIGGER), "SIR needs Service-ID")));
        if (service.dataLength() != 4 || service.unsigned32() != S6mAvps.SERVICE_DEVICE_TRIGGER) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(service,
                    "this HSS serves Service-ID DEVICE_TRIGGER (0) only"));
        }
        Avp scs = sir.avp(AvpCodes.SCS_IDENTITY, VendorIds.TGPP).orElseThrow(() -> new DiameterRefusalException(
                DiameterRefusal.missing(S6mAvps.scsIdentity(""), "a device trigger SIR needs SCS-Identity")));
        String scsIdentity;
        try {
            scsIdentity = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(scs.data())).toString();
        } catch (CharacterCodingException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(scs, "SCS-Identity is not UTF-8 text"));
        }
        if (scsIdentity.isEmpty()) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(scs, "SCS-Identity is empty"));
        }
        long flags = sir.avp(AvpCodes.SIR_FLAGS, VendorIds.TGPP).filter(a -> a.dataLength() == 4).map(Avp::unsigned32).orElse(0L);
        return new SubscriberInformationQuery(new UeName(user.externalId(), user.msisdn()), scsIdentity, flags);
    }
}
