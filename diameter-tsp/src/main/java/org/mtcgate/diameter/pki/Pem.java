package org.mtcgate.diameter.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/** PEM text for certificates and PKCS#8 private keys, and back. */
public final class Pem {
    private Pem() {
    }

    public static String certificate(X509Certificate cert) {
        return write(cert);
    }

    /** Unencrypted PKCS#8 ("BEGIN PRIVATE KEY"), the form Netty and OpenSSL read directly. */
    /**
     * PKCS#8 PEM. An EC key is written with the curve and the public key inside its RFC 5915 ECPrivateKey, as
     * OpenSSL writes it: the JDK's encoding leaves both optional fields out, and GnuTLS (freeDiameter and other
     * GnuTLS peers) then cannot read the file ("ASN1 parser: Element was not found").
     */
    public static String privateKey(PrivateKey key) {
        if (key instanceof java.security.interfaces.ECPrivateKey ec) {
            org.bouncycastle.asn1.pkcs.PrivateKeyInfo jdk = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(ec.getEncoded());
            org.bouncycastle.asn1.ASN1Encodable curve = jdk.getPrivateKeyAlgorithm().getParameters();
            org.bouncycastle.asn1.x9.X9ECParameters x9 = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(
                    org.bouncycastle.asn1.ASN1ObjectIdentifier.getInstance(curve));
            org.bouncycastle.math.ec.ECPoint q = new org.bouncycastle.math.ec.FixedPointCombMultiplier()
                    .multiply(x9.getG(), ec.getS()).normalize();
            org.bouncycastle.asn1.sec.ECPrivateKey inner = new org.bouncycastle.asn1.sec.ECPrivateKey(
                    ec.getParams().getOrder().bitLength(), ec.getS(), new org.bouncycastle.asn1.DERBitString(q.getEncoded(false)), curve);
            try {
                return write(new PemObject("PRIVATE KEY",
                        new org.bouncycastle.asn1.pkcs.PrivateKeyInfo(jdk.getPrivateKeyAlgorithm(), inner).getEncoded()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        try {
            PemObject pkcs8 = new JcaPKCS8Generator(key, null).generate();
            return write(pkcs8);
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static List<X509Certificate> readCertificates(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    out.add(new JcaX509CertificateConverter().getCertificate(h));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(e);
        }
        return out;
    }

    public static PrivateKey readPrivateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo info) {
                return conv.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return conv.getKeyPair(pair).getPrivate();
            }
            throw new IllegalArgumentException("no private key in PEM");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }
}
