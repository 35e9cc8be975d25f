/**
 * PEM text for certificates and private keys, both ways: what TLS settings read from files. The lab certificate
 * authority that writes such files is in the lab module, not in the node.
 */
package org.mtcgate.diameter.pki;
