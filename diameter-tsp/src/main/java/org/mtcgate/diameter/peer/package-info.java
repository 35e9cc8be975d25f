/**
 * The Diameter node: peer connections and their state machine (RFC 6733 5), routing and request
 * correlation. Entry point: {@link org.mtcgate.diameter.peer.DiameterNode}.
 *
 * <pre>{@code
 * LabCertificateAuthority ca = ...;                       // or certificates from files via TlsSettings.fromPem
 * DiameterNode iwf = new DiameterNode(DiameterNodeConfig
 *         .builder(LocalIdentity.of("mtc-iwf.operator.net", "operator.net", address))
 *         .listen(new InetSocketAddress(address, DiameterNodeConfig.DIAMETER_TLS_PORT))
 *         .tls(TlsSettings.fromPem(chainPem, keyPem, trustedCaPem))   // client certificates required
 *         .peer(PeerConfig.accepting("scs1.example.com", "example.com"))
 *         .build());
 * iwf.registerHandler(ApplicationIds.TSP, (request, ctx) -> completedFuture(
 *         ctx.answer(request, 2001).avp(BaseAvps.authSessionState(1)).build()));
 * iwf.start();
 *
 * // as a client: configure PeerConfig.connecting(host, realm, address), supportApplication(appId), then
 * iwf.sendRequest(request).thenAccept(answer -> ...);   // routed by Destination-Host, else Destination-Realm
 * }</pre>
 */
package org.mtcgate.diameter.peer;
