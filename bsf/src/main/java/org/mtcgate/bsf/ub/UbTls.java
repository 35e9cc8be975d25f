package org.mtcgate.bsf.ub;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.mtcgate.diameter.pki.Pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The BSF's TLS on Ub: server-authenticated only (TS 33.220 4.5.2 runs Ub over HTTPS; the UE has no certificate
 * and is authenticated by AKA inside), TLS 1.2 and 1.3 as on Diameter.
 */
public final class UbTls {
    private UbTls() {
    }

    /** From PEM files: the BSF's certificate chain (leaf first) and its private key. */
    public static SslContext serverContext(Path certificate, Path key) throws IOException {
        List<X509Certificate> chain = Pem.readCertificates(Files.readString(certificate, StandardCharsets.US_ASCII));
        if (chain.isEmpty()) {
            throw new IOException(certificate + " holds no certificate");
        }
        return SslContextBuilder.forServer(Pem.readPrivateKey(Files.readString(key, StandardCharsets.US_ASCII)),
                        chain.toArray(X509Certificate[]::new))
                .clientAuth(ClientAuth.NONE)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
    }
}
