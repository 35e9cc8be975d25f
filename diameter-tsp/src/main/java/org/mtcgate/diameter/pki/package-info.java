/**
 * A BouncyCastle lab certificate authority: CA and node/SCS certificates whose SAN dNSName is the
 * Diameter identity, PEM output of certificates and PKCS#8 keys. For labs and tests only.
 */
package org.mtcgate.diameter.pki;
