package org.mtcgate.diameter.t4;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.DiameterRefusal;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.diameter.s6m.UserIdentifier;

/**
 * A Delivery-Report-Request (TS 29.337 6.2.5): User-Identifier, SM-RP-SMEA, SM-Delivery-Outcome-T4,
 * [Absent-Subscriber-Diagnostic-T4], Reference-Number. Written by the SMS-SC, read by the MTC-IWF.
 *
 * @param user       the UE (User-Name = IMSI is required: it is what the MTC-IWF checks against)
 * @param sme        SM-RP-SMEA as the DTR carried it
 * @param outcome    SM-Delivery-Outcome-T4
 * @param absentDiagnostic Absent-Subscriber-Diagnostic-T4, or -1; kept inside the operator (never on Tsp)
 * @param reference  the T4 Reference-Number, or -1 when the DRR has none (it is optional in TS 29.337 6.2.5)
 */
public record DeliveryReportRequest(UserIdentifier user, SmeAddress sme, SmDeliveryOutcomeT4 outcome, long absentDiagnostic,
                                    long reference) {

    public DiameterMessage encode(String sessionId, String mtcIwfHost, String mtcIwfRealm) {
        DiameterMessage.Builder b = DiameterMessage.request(CommandCodes.DELIVERY_REPORT, ApplicationIds.T4, true)
                .avp(BaseAvps.sessionId(sessionId))
                .avp(T4Avps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationHost(mtcIwfHost))
                .avp(BaseAvps.destinationRealm(mtcIwfRealm))
                .avp(user.toAvp())
                .avp(T4Avps.smRpSmea(sme))
                .avp(T4Avps.smDeliveryOutcomeT4(outcome));
        if (absentDiagnostic >= 0) {
            b.avp(TgppAvps.tgpp(AvpCodes.ABSENT_SUBSCRIBER_DIAGNOSTIC_T4).unsigned32(absentDiagnostic));
        }
        if (reference >= 0) {
            b.avp(T4Avps.referenceNumber(reference));
        }
        return b.build();
    }

    /**
     * @throws DiameterRefusalException 5005 when User-Identifier/User-Name, SM-RP-SMEA or SM-Delivery-Outcome-T4 is
     *                                  missing, 5004 for a malformed value; a missing Reference-Number is -1
     */
    public static DeliveryReportRequest decode(DiameterMessage drr) {
        Avp ui = required(drr, AvpCodes.USER_IDENTIFIER, TgppAvps.tgpp(AvpCodes.USER_IDENTIFIER).grouped(), "User-Identifier");
        UserIdentifier user = UserIdentifier.decode(ui);
        if (user.imsi() == null) {
            throw new DiameterRefusalException(DiameterRefusal.missing(UserIdentifier.missingChild(AvpCodes.USER_NAME, VendorIds.IETF),
                    "User-Identifier of a DRR needs User-Name (the IMSI)"));
        }
        Avp smea = required(drr, AvpCodes.SM_RP_SMEA, TgppAvps.tgpp(AvpCodes.SM_RP_SMEA).octets(new byte[0]), "SM-RP-SMEA");
        SmeAddress sme;
        try {
            sme = SmeAddress.decode(smea.data());
        } catch (IllegalArgumentException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(smea, "SM-RP-SMEA: " + e.getMessage()));
        }
        Avp o = required(drr, AvpCodes.SM_DELIVERY_OUTCOME_T4, T4Avps.smDeliveryOutcomeT4(SmDeliveryOutcomeT4.ABSENT_SUBSCRIBER),
                "SM-Delivery-Outcome-T4");
        SmDeliveryOutcomeT4 outcome = o.dataLength() == 4 ? SmDeliveryOutcomeT4.ofCode(o.unsigned32()) : null;
        if (outcome == null) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(o, "SM-Delivery-Outcome-T4 is 0 to 3"));
        }
        Avp ref = drr.avp(AvpCodes.REFERENCE_NUMBER, VendorIds.TGPP).orElse(null);
        if (ref != null && ref.dataLength() != 4) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(ref, "Reference-Number is an Unsigned32"));
        }
        long diagnostic = drr.avp(AvpCodes.ABSENT_SUBSCRIBER_DIAGNOSTIC_T4, VendorIds.TGPP).filter(a -> a.dataLength() == 4)
                .map(Avp::unsigned32).orElse(-1L);
        return new DeliveryReportRequest(user, sme, outcome, diagnostic, ref == null ? -1 : ref.unsigned32());
    }

    private static Avp required(DiameterMessage m, int code, Avp example, String name) {
        return m.avp(code, VendorIds.TGPP).orElseThrow(() -> new DiameterRefusalException(
                DiameterRefusal.missing(example, "a DRR needs " + name)));
    }
}
