package org.mtcgate.core.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.diameter.pki.Pem;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.lab.pki.LabPki;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the node tests with the scef role share: the T8 section of the config (SCS/AS as1 with its lab certificate
 * name and secret), the node config that lets as1 trigger meter-1@meters.test through the SMS-SC to the MSC, the
 * as1 client with its token, and the SCS/AS's notification server.
 */
final class T8Lab {
    static final String IMSI = NodeLab.IMSI;
    private static final ObjectMapper JSON = new ObjectMapper();

    private T8Lab() {
    }

    /** The {@code t8:} section (at column 0): as1 with the lab certificate as1.utility.test and secret as1-secret. */
    static String t8Section() {
        String hash = PasswordHash.of("as1-secret".toCharArray(), 1_000, new SecureRandom()).encoded();
        return """
                t8:
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/localhost.crt, key: pki/localhost.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  clients:
                    - {scs-as-id: as1, certificate-names: [as1.utility.test], secret-hash: "%s"}
                """.formatted(hash);
    }

    /**
     * Writes policy.yaml, subscribers.yaml and mtcgate.yaml into {@code dir}: a node named {@code name} with the roles
     * mtc-iwf, sms-sc and scef whose SS7 association serves on {@code ports[0]} for the MSC on {@code ports[1]}.
     */
    static void writeTriggerNode(Path dir, String name, int[] ports) throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  meters: {external-id-domains: [meters.test]}
                senders:
                  - {id: as1, ingress: [t8], identities: [as1], grants: [{kinds: [trigger], to: [meters]}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", msisdn: "491701000001", external-ids: [meter-1@meters.test],
                     trigger-scs: [as1], serving-nodes: ["491720000200"]}
                """);
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head(name, "mtc-iwf, sms-sc, scef")
                + NodeLab.tlsDiameter(null) + NodeLab.ss7ForMsc(ports) + NodeLab.FAST_SMS_SC + t8Section());
    }

    static X509Certificate labCa(Path pki) throws Exception {
        return Pem.readCertificates(Files.readString(new LabPki(pki).caCertificate())).get(0);
    }

    /** The SCS/AS as1 over HTTP/1.1 with its certificate from the lab PKI the node generated in {@code pki}. */
    static HttpClient as1(Path pki) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context(
                Pem.readCertificates(Files.readString(pki.resolve("as1.utility.test.crt"))).get(0),
                Pem.readPrivateKey(Files.readString(pki.resolve("as1.utility.test.key"))), labCa(pki))).build();
    }

    /** The access token as1 gets with its client credentials from the T8 server at {@code base}. */
    static String token(HttpClient as1, String base) throws Exception {
        HttpResponse<String> issued = as1.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=as1&client_secret=as1-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, issued.statusCode(), issued.body());
        return JSON.readTree(issued.body()).get("access_token").asText();
    }

    /** Takes the body of each delivery report. */
    @FunctionalInterface
    interface Reports {
        void accept(byte[] body) throws IOException;
    }

    /**
     * The SCS/AS's notification server on {@code port} (0: any), started: HTTPS for localhost from the lab CA, the
     * SCEF's certificate required; every POST to /reports goes to {@code reports}.
     */
    static HttpsServer notificationServer(Path pki, int port, Reports reports) throws Exception {
        X509Certificate ca = labCa(pki);
        LabCertificateAuthority authority = LabCertificateAuthority.load(ca, Pem.readPrivateKey(Files.readString(pki.resolve("ca.key"))));
        IssuedCredential cred = authority.issue("as1-notifications", List.of("localhost"), Duration.ofDays(1));
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context(cred.certificate(), cred.privateKey(), ca)) {
            @Override
            public void configure(HttpsParameters params) {
                params.setNeedClientAuth(true);
            }
        });
        server.createContext("/reports", exchange -> {
            reports.accept(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    static SSLContext context(X509Certificate certificate, PrivateKey key, X509Certificate ca) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("me", key, new char[0], new X509Certificate[] {certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
