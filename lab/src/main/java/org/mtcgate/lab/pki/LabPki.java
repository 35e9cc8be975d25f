package org.mtcgate.lab.pki;

import org.mtcgate.diameter.pki.Pem;
import org.mtcgate.diameter.tls.TlsSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab PKI in one folder: {@code ca.crt}/{@code ca.key} and, per Diameter identity, {@code <identity>.crt} and
 * {@code <identity>.key} (PEM; keys readable by the owner only). Made with BouncyCastle so a lab needs no openssl.
 * Not for production: an operator's SCSs get certificates from the operator's PKI (TS 33.310).
 */
public final class LabPki {
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration CERT_VALIDITY = Duration.ofDays(825);

    private final Path dir;

    public LabPki(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    public Path certificate(String identity) {
        return dir.resolve(identity + ".crt");
    }

    public Path key(String identity) {
        return dir.resolve(identity + ".key");
    }

    /** Makes the CA if the folder has none, then a certificate for each identity that has none; returns what it made. */
    public List<Path> ensure(List<String> identities) throws IOException {
        List<Path> made = new ArrayList<>();
        Files.createDirectories(dir);
        LabCertificateAuthority ca;
        if (Files.exists(caCertificate())) {
            ca = LabCertificateAuthority.load(readCertificates(caCertificate()).get(0), readKey(dir.resolve("ca.key")));
        } else {
            ca = LabCertificateAuthority.create("mtcgate lab CA", CA_VALIDITY);
            writePrivate(dir.resolve("ca.key"), Pem.privateKey(ca.privateKey()));
            Files.writeString(caCertificate(), ca.certificatePem(), StandardCharsets.US_ASCII);
            made.add(caCertificate());
        }
        for (String identity : identities) {
            if (!identity.matches("[A-Za-z0-9.-]+")) {
                throw new IllegalArgumentException("'" + identity + "' is not a Diameter identity (a host name)");
            }
            if (Files.exists(certificate(identity))) {
                continue;
            }
            IssuedCredential cred = ca.issue(identity, CERT_VALIDITY);
            writePrivate(key(identity), cred.privateKeyPem());
            Files.writeString(certificate(identity), cred.certificatePem(), StandardCharsets.US_ASCII);
            made.add(certificate(identity));
        }
        return made;
    }

    /** TLS settings from PEM files: the node's certificate chain and key, and the CA it trusts for peers. */
    public static TlsSettings tlsSettings(Path certificate, Path key, Path trustedCa) throws IOException {
        return TlsSettings.fromPemFiles(certificate, key, trustedCa);
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> certs = Pem.readCertificates(Files.readString(file, StandardCharsets.US_ASCII));
        if (certs.isEmpty()) {
            throw new IOException(file + " holds no PEM certificate");
        }
        return certs;
    }

    static PrivateKey readKey(Path file) throws IOException {
        return Pem.readPrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: leave the platform's default.
        }
    }
}
