package org.mtcgate.diameter.peer;

import java.util.Locale;
import java.util.Optional;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.peer.PeerSecurityListener.TrustRule;

/**
 * Binds every request to the connection it came on: the peer's identity is what its certificate and CER/CEA
 * proved (RFC 6733 13, TS 33.187 5.1), never what a request writes. This node is a server without relay or proxy
 * function, so a request's originator is always the directly connected peer. Immutable, one per open connection.
 *
 * <p>Checks, in order, and what each answers:
 * <ol>
 * <li>Origin-Host equals the authenticated host (case-insensitive, RFC 6733 4.3.1), else
 *     3010 DIAMETER_UNKNOWN_PEER with Failed-AVP: the claimed originator is not the peer of this connection,
 *     and since nothing is relayed here it is no peer this node knows on it. Protocol error, E bit.</li>
 * <li>Origin-Realm equals the realm of the peer's CER/CEA, else 5004 DIAMETER_INVALID_AVP_VALUE with Failed-AVP
 *     Origin-Realm (3003 REALM_NOT_SERVED is about Destination-Realm and would mislead).</li>
 * <li>Origin-Host lies in Origin-Realm (equal to it, or ending with "." + realm), else 5004 with Failed-AVP
 *     Origin-Realm. A configured peer whose name does not follow its realm (e.g. host "scs-a" in realm
 *     "utility.example") is accepted when the configuration pairs exactly that host with that realm: the
 *     operator vouched for the pair, and the host is still bound to the certificate.</li>
 * <li>Every Auth-Application-Id and Acct-Application-Id, at top level or inside Vendor-Specific-Application-Id,
 *     equals the header's Application-Id, else 5004 with the offending AVP as Failed-AVP (a grouped one holding
 *     only the offending child, RFC 6733 7.5).</li>
 * </ol>
 */
final class RequestBinding {
    private final String host;
    private final String realm;
    private final boolean hostInRealm;

    private RequestBinding(String host, String realm, boolean hostInRealm) {
        this.host = host;
        this.realm = realm;
        this.hostInRealm = hostInRealm;
    }

    /**
     * @param host       the peer's authenticated Origin-Host
     * @param realm      the Origin-Realm of its CER/CEA
     * @param configured its configuration, if any
     */
    static RequestBinding of(String host, String realm, Optional<PeerConfig> configured) {
        boolean inRealm = lies(host, realm) || configured.map(p -> p.host().equalsIgnoreCase(host)
                && p.realm().equalsIgnoreCase(realm)).orElse(false);
        return new RequestBinding(host, realm, inRealm);
    }

    static boolean lies(String host, String realm) {
        String h = host.toLowerCase(Locale.ROOT);
        String r = realm.toLowerCase(Locale.ROOT);
        return !r.isEmpty() && (h.equals(r) || h.endsWith("." + r));
    }

    /** Empty when the request is bound to this connection; else why not. */
    Optional<TrustRefusal> check(DiameterMessage request) {
        Optional<Avp> originHost = request.avp(AvpCodes.ORIGIN_HOST);
        if (originHost.isEmpty() || !originHost.get().text().equalsIgnoreCase(host)) {
            return Optional.of(new TrustRefusal(TrustRule.ORIGIN_HOST_MISMATCH, ResultCode.DIAMETER_UNKNOWN_PEER.code(),
                    originHost, "Origin-Host " + originHost.map(Avp::text).orElse("(none)")
                    + " is not the authenticated peer " + host, Counter.ORIGIN_NOT_AUTHENTICATED));
        }
        Optional<Avp> originRealm = request.avp(AvpCodes.ORIGIN_REALM);
        if (originRealm.isEmpty() || !originRealm.get().text().equalsIgnoreCase(realm)) {
            return Optional.of(new TrustRefusal(TrustRule.ORIGIN_REALM_MISMATCH, ResultCode.DIAMETER_INVALID_AVP_VALUE.code(),
                    originRealm, "Origin-Realm " + originRealm.map(Avp::text).orElse("(none)")
                    + " is not the realm " + realm + " that " + host + " announced", Counter.ORIGIN_NOT_AUTHENTICATED));
        }
        if (!hostInRealm) {
            return Optional.of(new TrustRefusal(TrustRule.HOST_OUTSIDE_REALM, ResultCode.DIAMETER_INVALID_AVP_VALUE.code(),
                    originRealm, "Origin-Host " + host + " does not lie in Origin-Realm " + realm,
                    Counter.ORIGIN_NOT_AUTHENTICATED));
        }
        return applicationIds(request);
    }

    private static Optional<TrustRefusal> applicationIds(DiameterMessage request) {
        long app = request.applicationId();
        for (Avp a : request.avps()) {
            if (a.vendorId() != 0) {
                continue;
            }
            if (isApplicationId(a)) {
                if (!holds(a, app)) {
                    return mismatch(a, a, app);
                }
            } else if (a.code() == AvpCodes.VENDOR_SPECIFIC_APPLICATION_ID) {
                java.util.List<Avp> children;
                try {
                    children = a.groupedAvps();
                } catch (RuntimeException malformed) {
                    return mismatch(a, a, app);
                }
                for (Avp c : children) {
                    if (c.vendorId() == 0 && isApplicationId(c) && !holds(c, app)) {
                        Avp only = Avp.builder(a.code()).flags(a.flags()).grouped(c);
                        return mismatch(only, c, app);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isApplicationId(Avp a) {
        return a.code() == AvpCodes.AUTH_APPLICATION_ID || a.code() == AvpCodes.ACCT_APPLICATION_ID;
    }

    private static boolean holds(Avp a, long app) {
        return a.dataLength() == 4 && a.unsigned32() == app;
    }

    private static Optional<TrustRefusal> mismatch(Avp failed, Avp offending, long app) {
        String value = offending.dataLength() == 4 ? Long.toString(offending.unsigned32()) : "a malformed value";
        return Optional.of(new TrustRefusal(TrustRule.APPLICATION_ID_MISMATCH, ResultCode.DIAMETER_INVALID_AVP_VALUE.code(),
                Optional.of(failed), "application id " + value + " in the request contradicts its header's " + app,
                Counter.APPLICATION_ID_MISMATCH));
    }
}
