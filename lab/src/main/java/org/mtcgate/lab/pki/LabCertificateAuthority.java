package org.mtcgate.lab.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.mtcgate.diameter.pki.Pem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for labs and tests: ECDSA P-256 keys, SHA-256 signatures,
 * node certificates whose SAN dNSName is the node's Diameter identity (so that the identity
 * checked by TLS is the Origin-Host, RFC 6733 13). Not for production PKI (TS 33.310 NDS/AF).
 */
public final class LabCertificateAuthority {
    private static final String SIGNATURE = "SHA256withECDSA";

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final SecureRandom random;

    private LabCertificateAuthority(KeyPair keyPair, X509Certificate certificate, SecureRandom random) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.random = random;
    }

    public static LabCertificateAuthority create(String commonName, Duration validity) {
        SecureRandom random = new SecureRandom();
        KeyPair kp = newKeyPair(random);
        X500Name name = name(commonName);
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), name, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new LabCertificateAuthority(kp, sign(b, kp.getPrivate()), random);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot create lab CA", e);
        }
    }

    /** The CA kept on disk by an earlier run: its certificate and private key. */
    public static LabCertificateAuthority load(X509Certificate certificate, PrivateKey key) {
        return new LabCertificateAuthority(new KeyPair(certificate.getPublicKey(), key), certificate, new SecureRandom());
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** A node or SCS certificate: CN and SAN dNSName = the Diameter identity; TLS server and client use. */
    public IssuedCredential issue(String diameterIdentity, Duration validity) {
        return issue(diameterIdentity, List.of(diameterIdentity), validity);
    }

    /** As {@link #issue(String, Duration)} with explicit SAN dNSNames (empty list: CN only). */
    public IssuedCredential issue(String commonName, List<String> dnsNames, Duration validity) {
        KeyPair kp = newKeyPair(random);
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), name(commonName),
                    kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            if (!dnsNames.isEmpty()) {
                GeneralName[] names = dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new);
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return new IssuedCredential(sign(b, keyPair.getPrivate()), kp.getPrivate(), certificate);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue certificate for " + commonName, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
        try {
            ContentSigner s = new JcaContentSignerBuilder(SIGNATURE).build(signer);
            return new JcaX509CertificateConverter().getCertificate(b.build(s));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair newKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static X500Name name(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "mtcgate lab").addRDN(BCStyle.CN, cn).build();
    }
}
