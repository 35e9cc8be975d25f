package org.mtcgate.diameter.peer;

import java.net.SocketAddress;

/**
 * Told of every request refused because the peer that sent it is not trusted for it: wrong application or
 * command for its role, an identity other than the authenticated one, inconsistent application ids. The node
 * wires it to its audit log and metrics. Called on a Netty event loop: must not block.
 */
@FunctionalInterface
public interface PeerSecurityListener {
    PeerSecurityListener NONE = r -> { };

    void refused(RefusedRequest request);

    /**
     * One refused request.
     *
     * @param peerHost      the peer's authenticated identity (CER Origin-Host, proved by its certificate)
     * @param remoteAddress where the connection comes from
     * @param claimedOrigin the Origin-Host the request carried, or null
     * @param applicationId the header's Application-Id
     * @param commandCode   the header's Command-Code
     * @param resultCode    what the peer was answered
     * @param rule          which check refused it ({@link TrustRule})
     * @param reason        for an operator
     */
    record RefusedRequest(String peerHost, SocketAddress remoteAddress, String claimedOrigin, long applicationId,
                          int commandCode, long resultCode, TrustRule rule, String reason) {
    }

    /** The checks, named as they appear in audit records and metrics. */
    enum TrustRule {
        /** The peer did not announce the application in its CER/CEA (RFC 6733 5.3, 6.1). */
        APPLICATION_NOT_ADVERTISED("application-not-advertised"),
        /** The peer's role may not send requests in this application (TS 33.187 6.1). */
        APPLICATION_NOT_ALLOWED("application-not-allowed"),
        /** The peer's role uses the application but may not send this command in it. */
        COMMAND_NOT_ALLOWED("command-not-allowed"),
        /** Origin-Host is not the identity this connection authenticated. */
        ORIGIN_HOST_MISMATCH("origin-host-mismatch"),
        /** Origin-Realm is not the realm the peer announced in its CER/CEA. */
        ORIGIN_REALM_MISMATCH("origin-realm-mismatch"),
        /** Origin-Host does not lie in Origin-Realm. */
        HOST_OUTSIDE_REALM("host-outside-realm"),
        /** Auth-/Acct-Application-Id (top level or in Vendor-Specific-Application-Id) differs from the header. */
        APPLICATION_ID_MISMATCH("application-id-mismatch");

        private final String id;

        TrustRule(String id) {
            this.id = id;
        }

        /** The rule's name in audit records and metric labels. */
        public String id() {
            return id;
        }
    }
}
