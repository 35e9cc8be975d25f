/**
 * The Diameter node: peer connections and their state machine (RFC 6733 5), routing and request
 * correlation. Entry point: {@link org.mtcgate.diameter.peer.DiameterNode}.
 *
 * <p>Trust: every configured peer has {@link org.mtcgate.diameter.peer.PeerRole}s; a request passes, in order,
 * {@code PeerAuthorisation} (application announced in CER/CEA and allowed to the role, command allowed: 3007/3001),
 * dictionary validation, and {@code RequestBinding} (Origin-Host is the authenticated peer: 3010; Origin-Realm is
 * the CER's and contains the host, application ids agree with the header: 5004). Refusals are counted and go to
 * the {@link org.mtcgate.diameter.peer.PeerSecurityListener}. Duplicate detection is keyed by the authenticated
 * peer.
 *
 * <pre>{@code
 * TlsSettings tls = TlsSettings.fromPemFiles(certificate, key, trustedCa);   // PEM files (the lab jar can make some)
 * DiameterNode iwf = new DiameterNode(DiameterNodeConfig
 *         .builder(LocalIdentity.of("mtc-iwf.operator.net", "operator.net", address))
 *         .listen(new InetSocketAddress(address, DiameterNodeConfig.DIAMETER_TLS_PORT))
 *         .tls(tls)                                            // client certificates required
 *         .peer(PeerConfig.accepting("scs1.example.com", "example.com", PeerRole.SCS))
 *         .build());
 * iwf.registerHandler(ApplicationIds.TSP, (request, ctx) -> completedFuture(
 *         ctx.answer(request, 2001).avp(BaseAvps.authSessionState(1)).build()));
 * iwf.start();
 *
 * // as a client: configure PeerConfig.connecting(host, realm, address, role), supportApplication(appId), then
 * iwf.sendRequest(request).thenAccept(answer -> ...);   // routed by Destination-Host, else Destination-Realm
 * }</pre>
 */
package org.mtcgate.diameter.peer;
