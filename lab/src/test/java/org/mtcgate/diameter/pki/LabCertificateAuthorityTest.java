package org.mtcgate.diameter.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.tls.CertificateIdentity;
import org.mtcgate.diameter.tls.TlsSettings;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;

class LabCertificateAuthorityTest {
    private final LabCertificateAuthority ca = LabCertificateAuthority.create("mtcgate lab CA", Duration.ofDays(30));

    /** GnuTLS needs the optional curve and public key inside the EC key (RFC 5915); OpenSSL writes both. */
    @Test
    void ecKeysAreWrittenWithCurveAndPublicKeyAndReadBack() throws Exception {
        IssuedCredential cred = ca.issue("scs1.example.test", Duration.ofDays(1));
        String pem = cred.privateKeyPem();
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        var inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(der).parsePrivateKey());
        org.junit.jupiter.api.Assertions.assertNotNull(inner.getParametersObject(), "curve inside ECPrivateKey");
        org.junit.jupiter.api.Assertions.assertNotNull(inner.getPublicKey(), "public key inside ECPrivateKey");
        byte[] fromCert = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(cred.certificate().getPublicKey().getEncoded())
                .getPublicKeyData().getBytes();
        org.junit.jupiter.api.Assertions.assertArrayEquals(fromCert, inner.getPublicKey().getBytes(), "the public key matches the certificate");
        org.junit.jupiter.api.Assertions.assertEquals(((java.security.interfaces.ECPrivateKey) cred.privateKey()).getS(),
                ((java.security.interfaces.ECPrivateKey) Pem.readPrivateKey(pem)).getS(), "and it reads back as the same key");
    }

    @Test
    void issuesNodeCertificateWithSanSignedByTheCa() throws Exception {
        IssuedCredential node = ca.issue("mtc-iwf.operator.test", Duration.ofDays(7));
        X509Certificate cert = node.certificate();
        cert.verify(ca.certificate().getPublicKey());
        cert.checkValidity();
        assertEquals(List.of("mtc-iwf.operator.test"), CertificateIdentity.identities(cert));
        assertEquals(-1, cert.getBasicConstraints(), "end-entity certificate");
        assertTrue(cert.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
        assertEquals(0, ca.certificate().getBasicConstraints());
    }

    @Test
    void pemRoundTripKeepsCertificateAndKey() throws Exception {
        IssuedCredential node = ca.issue("scs1.example.test", Duration.ofDays(7));
        String certPem = node.certificatePem();
        String keyPem = node.privateKeyPem();
        assertTrue(certPem.startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(keyPem.startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8");
        X509Certificate back = Pem.readCertificates(certPem).get(0);
        assertEquals(node.certificate(), back);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(Pem.readPrivateKey(keyPem));
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(back.getPublicKey());
        s.update(new byte[] {1, 2, 3});
        assertTrue(s.verify(sig), "key read back from PEM matches the certificate");
        TlsSettings tls = TlsSettings.fromPem(certPem + Pem.certificate(ca.certificate()), keyPem, ca.certificatePem());
        tls.serverContext();
        tls.clientContext();
    }

    @Test
    void rejectsPemWithoutKey() {
        assertThrows(IllegalArgumentException.class, () -> Pem.readPrivateKey(ca.certificatePem()));
    }
}
