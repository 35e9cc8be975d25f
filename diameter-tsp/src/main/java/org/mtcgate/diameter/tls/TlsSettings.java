package org.mtcgate.diameter.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import org.mtcgate.diameter.pki.Pem;

/**
 * This node's certificate chain and key, and the CA certificates it trusts for peers.
 * TLS 1.2 and 1.3 only (RFC 6733 13.1 requires at least TLS 1.0; TS 33.310 profiles require 1.2+).
 */
public final class TlsSettings {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> trustAnchors;
    private final TlsKeyLog keyLog;

    public TlsSettings(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trustAnchors) {
        this(key, chain, trustAnchors, null);
    }

    private TlsSettings(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trustAnchors, TlsKeyLog keyLog) {
        if (chain.isEmpty() || trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("need a certificate chain and at least one trust anchor");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
        this.trustAnchors = List.copyOf(trustAnchors);
        this.keyLog = keyLog;
    }

    /**
     * LAB ONLY: the same settings, but every context they build writes its connections' TLS secrets to
     * {@code keyLog} (and is built on BoringSSL rather than the JDK's provider, which cannot give them out).
     */
    public TlsSettings withKeyLog(TlsKeyLog keyLog) {
        return new TlsSettings(key, chain, trustAnchors, java.util.Objects.requireNonNull(keyLog));
    }

    /**
     * From PEM text: this node's certificate chain (leaf first), its PKCS#8 (or traditional) private
     * key, and the trusted CA certificates.
     */
    public static TlsSettings fromPem(String certificateChainPem, String privateKeyPem, String trustedCasPem) {
        return new TlsSettings(Pem.readPrivateKey(privateKeyPem), Pem.readCertificates(certificateChainPem),
                Pem.readCertificates(trustedCasPem));
    }

    /** From PEM files: this node's certificate chain and key, and the CA certificates it trusts for peers. */
    public static TlsSettings fromPemFiles(Path certificate, Path key, Path trustedCa) throws IOException {
        return fromPem(Files.readString(certificate, StandardCharsets.US_ASCII), Files.readString(key, StandardCharsets.US_ASCII),
                Files.readString(trustedCa, StandardCharsets.US_ASCII));
    }

    /** Server side: a client certificate is required (TS 33.187 5.1 mutual authentication). */
    public SslContext serverContext() throws SSLException {
        return logged(SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                .trustManager(trustAnchors.toArray(X509Certificate[]::new))
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(PROTOCOLS));
    }

    /**
     * Client side. Host name verification is not done by JSSE: peers are addressed by IP and the
     * certificate identity is instead bound to the peer's Origin-Host after CEA (RFC 6733 13).
     */
    public SslContext clientContext() throws SSLException {
        return logged(SslContextBuilder.forClient()
                .keyManager(key, chain.toArray(X509Certificate[]::new))
                .trustManager(trustAnchors.toArray(X509Certificate[]::new))
                .protocols(PROTOCOLS));
    }

    private SslContext logged(SslContextBuilder builder) throws SSLException {
        if (keyLog == null) {
            return builder.build();
        }
        SslContext context = builder.sslProvider(SslProvider.OPENSSL).build();
        try {
            keyLog.attach(context);
        } catch (IOException e) {
            throw new SSLException("lab TLS key log: " + e.getMessage(), e);
        }
        return context;
    }
}
