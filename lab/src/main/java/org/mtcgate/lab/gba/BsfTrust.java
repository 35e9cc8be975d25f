package org.mtcgate.lab.gba;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * How the UE authenticates the BSF on Ub: a certificate chain to the lab CA that names the BSF's server name (a
 * DNS subject alternative name). The name is checked against the BSF the UE was told about, not against the
 * address it connects to, since a lab reaches the BSF at 127.0.0.1 and lab certificates name hosts only.
 */
final class BsfTrust extends X509ExtendedTrustManager {
    private static final int DNS_NAME = 2;

    private final X509TrustManager pkix;
    private final String serverName;

    private BsfTrust(X509TrustManager pkix, String serverName) {
        this.pkix = pkix;
        this.serverName = serverName.toLowerCase(Locale.ROOT);
    }

    /** A client TLS context that trusts {@code caCertificate}'s chains to a certificate for {@code serverName}. */
    static SSLContext context(Path caCertificate, String serverName) throws IOException, GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            int i = 0;
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.setCertificateEntry("ca" + i++, c);
            }
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(anchors);
        X509TrustManager pkix = (X509TrustManager) f.getTrustManagers()[0];
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new javax.net.ssl.TrustManager[] {new BsfTrust(pkix, serverName)}, null);
        return ssl;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        if (!names(chain[0]).contains(serverName)) {
            throw new CertificateException("the server certificate does not name " + serverName + " (it names "
                    + names(chain[0]) + ")");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    private static List<String> names(X509Certificate leaf) throws CertificateParsingException {
        Collection<List<?>> alt = leaf.getSubjectAlternativeNames();
        return alt == null ? List.of() : alt.stream().filter(n -> ((Integer) n.get(0)) == DNS_NAME)
                .map(n -> ((String) n.get(1)).toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a UE serves no TLS");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
