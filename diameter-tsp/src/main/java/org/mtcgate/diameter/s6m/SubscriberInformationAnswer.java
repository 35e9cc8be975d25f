package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterRequestException;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.SubscriberInfo;
import org.mtcgate.filter.trigger.SubscriberLookup;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Subscriber-Information-Answer (TS 29.336 6.2.4) into a {@link SubscriberLookup}:
 *
 * <table>
 * <tr><th>SIA</th><th>Request-Status (TS 29.368 6.4.9)</th></tr>
 * <tr><td>2001 with User-Identifier{User-Name}</td><td>found (IMSI, MSISDN, T4-Data serving nodes)</td></tr>
 * <tr><td>Experimental 5001 USER_UNKNOWN (TS 29.336 6.3.3.1)</td><td>INVEXTID, as TS 29.368 6.4.9 prescribes</td></tr>
 * <tr><td>Experimental 5510 UNAUTHORIZED_REQUESTING_ENTITY (6.3.3.2)</td><td>NOTAUTHORIZED, as prescribed</td></tr>
 * <tr><td>Experimental 5511 UNAUTHORIZED_SERVICE (6.3.3.3)</td><td>SERVICEUNAVAILABLE, as prescribed</td></tr>
 * <tr><td>no answer (timeout, no route, peer lost), 3xxx (e.g. 3002, 3004 TOO_BUSY)</td><td>TEMPORARYERROR: the SCS may retry</td></tr>
 * <tr><td>anything else, or a success without IMSI</td><td>SERVICEUNAVAILABLE (our choice)</td></tr>
 * </table>
 */
public final class SubscriberInformationAnswer {
    private SubscriberInformationAnswer() {
    }

    public static SubscriberLookup decode(DiameterMessage sia) {
        AnswerResult result = AnswerResult.of(sia);
        if (result.is(S6mResultCodes.DIAMETER_ERROR_USER_UNKNOWN)) {
            return SubscriberLookup.refused(RequestStatus.INVEXTID, "the HSS knows no such UE");
        }
        if (result.is(S6mResultCodes.DIAMETER_ERROR_UNAUTHORIZED_REQUESTING_ENTITY)) {
            return SubscriberLookup.refused(RequestStatus.NOTAUTHORIZED, "the HSS does not let this SCS trigger the UE");
        }
        if (result.is(S6mResultCodes.DIAMETER_ERROR_UNAUTHORIZED_SERVICE)) {
            return SubscriberLookup.refused(RequestStatus.SERVICEUNAVAILABLE, "the UE's subscription has no device triggering");
        }
        if (!result.experimental() && result.code() >= 3000 && result.code() < 4000) {
            return SubscriberLookup.refused(RequestStatus.TEMPORARYERROR, "S6m: " + result);
        }
        if (!result.isSuccess()) {
            return SubscriberLookup.refused(RequestStatus.SERVICEUNAVAILABLE, "S6m: " + result);
        }
        try {
            Avp ui = sia.avp(AvpCodes.USER_IDENTIFIER, VendorIds.TGPP).orElse(null);
            UserIdentifier user = ui == null ? null : UserIdentifier.decode(ui);
            if (user == null || user.imsi() == null) {
                return SubscriberLookup.refused(RequestStatus.SERVICEUNAVAILABLE, "SIA success without User-Identifier/User-Name");
            }
            return SubscriberLookup.found(new SubscriberInfo(user.imsi(), user.msisdn(), servingNodes(sia)));
        } catch (DiameterRefusalException e) {
            return SubscriberLookup.refused(RequestStatus.SERVICEUNAVAILABLE, "malformed SIA: " + e.getMessage());
        }
    }

    /** The outcome when no SIA came. */
    public static SubscriberLookup failed(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause() && !(cause instanceof DiameterRequestException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DiameterRequestException dre) {
            return SubscriberLookup.refused(RequestStatus.TEMPORARYERROR, "no SIA from the HSS: " + dre.reason());
        }
        return SubscriberLookup.refused(RequestStatus.SERVICEUNAVAILABLE, "S6m failure: " + cause.getClass().getSimpleName());
    }

    private static List<String> servingNodes(DiameterMessage sia) {
        List<String> nodes = new ArrayList<>();
        Avp serviceData = sia.avp(AvpCodes.SERVICE_DATA, VendorIds.TGPP).orElse(null);
        if (serviceData == null) {
            return nodes;
        }
        try {
            Avp t4 = TgppAvps.child(serviceData.groupedAvps(), AvpCodes.T4_DATA);
            if (t4 != null) {
                for (Avp a : t4.groupedAvps()) {
                    if (a.vendorId() == VendorIds.TGPP
                            && (a.code() == AvpCodes.SERVING_NODE || a.code() == AvpCodes.ADDITIONAL_SERVING_NODE)) {
                        nodes.addAll(ServingNodes.fromAvp(a));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(serviceData, "Service-Data is malformed"));
        }
        return nodes;
    }
}
