package org.mtcgate.lab.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.mtcgate.diameter.pki.Pem;
import org.mtcgate.diameter.tls.TlsSettings;

/** A certificate with its private key and the CA certificate that signed it. */
public record IssuedCredential(X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {
    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    public String privateKeyPem() {
        return Pem.privateKey(privateKey);
    }

    /** TLS settings presenting this credential and trusting the given CA certificates. */
    public TlsSettings tlsSettings(List<X509Certificate> trusted) {
        return new TlsSettings(privateKey, List.of(certificate, issuer), trusted);
    }

    /** TLS settings presenting this credential and trusting only its own issuer. */
    public TlsSettings tlsSettings() {
        return tlsSettings(List.of(issuer));
    }
}
