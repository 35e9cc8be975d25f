/**
 * TLS at connect (RFC 6733 13, TS 33.187 5.1): Netty SSL contexts that require client certificates,
 * and the binding of the certificate identity (SAN dNSName, else CN) to the peer's Origin-Host.
 */
package org.mtcgate.diameter.tls;
