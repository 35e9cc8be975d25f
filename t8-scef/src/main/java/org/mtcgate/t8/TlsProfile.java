package org.mtcgate.t8;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The T8 TLS profile (TS 33.187 5.5.2 after TS 33.310 Annex E, TS 33.210 6.2): TLS 1.3 and 1.2 only; forward
 * secrecy (ECDHE) and AEAD (AES-GCM) only; a client certificate is required (5.5.1 mutual authentication).
 * TLS 1.3: TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384. TLS 1.2: ECDHE with ECDSA or RSA and AES-128/256-GCM.
 * No CBC, no RSA key transport, no static DH, no ChaCha20 (not in the 3GPP profiles).
 */
public final class TlsProfile {
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

    private TlsProfile() {
    }

    /** The server side: a certificate from one of the trusted CAs is required of every client. */
    public static SslContext server(T8Settings s) throws SSLException {
        return SslContextBuilder.forServer(s.key(), s.chain().toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK)
                .trustManager(s.trustAnchors().toArray(X509Certificate[]::new))
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(PROTOCOLS)
                .ciphers(CIPHER_SUITES)
                .build();
    }

    /** The client side of notifications: the node's certificate, the same trusted CAs, the same profile. */
    public static SSLContext client(T8Settings s) throws GeneralSecurityException {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] none = new char[0];
            keys.setKeyEntry("node", s.key(), none, s.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, none);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate ca : s.trustAnchors()) {
                trust.setCertificateEntry("ca" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot build the notification key store: " + e.getMessage(), e);
        }
    }

    /** Parameters that hold a JDK client to the profile. */
    public static SSLParameters clientParameters() {
        SSLParameters p = new SSLParameters();
        p.setProtocols(PROTOCOLS.toArray(String[]::new));
        p.setCipherSuites(CIPHER_SUITES.toArray(String[]::new));
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }
}
