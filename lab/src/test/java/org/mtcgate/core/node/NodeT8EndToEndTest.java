package org.mtcgate.core.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.diameter.pki.Pem;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.SmsDeliver;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node from its config file with the scef role: an SCS/AS gets a token and triggers a UE over T8 (mutual TLS,
 * OAuth); the MTC-IWF filters it as a T8 sender, the node's SMS-SC delivers the trigger SM to the MSC with MAP, and
 * the delivery report comes back to the SCS/AS's notification destination.
 */
class NodeT8EndToEndTest {
    static final String IMSI = "262015500000001";
    static final long WAIT = 20;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    int[] ports;
    Node node;
    Ss7Stack mscStack;
    LabMsc msc;
    HttpsServer notifications;
    final LinkedBlockingQueue<String> reports = new LinkedBlockingQueue<>();

    @BeforeEach
    void files() throws Exception {
        ports = FreePorts.distinct(2);
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
        String hash = PasswordHash.of("as1-secret".toCharArray(), 1_000, new SecureRandom()).encoded();
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: e2e-t8, data-dir: data}
                roles: [mtc-iwf, sms-sc, scef]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.operator.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/mtc-iwf.operator.test.crt, key: pki/mtc-iwf.operator.test.key,
                        trusted-ca: pki/ca.crt, generate-lab-pki: true}
                ss7:
                  local-gt: "491720000100"
                  point-code: 1
                  invoke-timeout: 1s
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                sms-sc: {trigger-originator: "491720000999", retry-first: 50ms, retry-max: 200ms}
                t8:
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/localhost.crt, key: pki/localhost.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  clients:
                    - {scs-as-id: as1, certificate-names: [as1.utility.test], secret-hash: "%s"}
                """.formatted(ports[0], ports[1], hash));
    }

    @AfterEach
    void stop() {
        if (notifications != null) {
            notifications.stop(0);
        }
        if (mscStack != null) {
            mscStack.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aT8TriggerReachesTheMscAndItsReportTheNotificationDestination() throws Exception {
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        startMsc();
        Path pki = dir.resolve("pki");
        X509Certificate ca = Pem.readCertificates(Files.readString(new LabPki(pki).caCertificate())).get(0);
        startNotificationServer(pki, ca);

        HttpClient as1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context(
                Pem.readCertificates(Files.readString(pki.resolve("as1.utility.test.crt"))).get(0),
                Pem.readPrivateKey(Files.readString(pki.resolve("as1.utility.test.key"))), ca)).build();
        String base = "https://localhost:" + node.t8Address().orElseThrow().getPort();
        HttpResponse<String> token = as1.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=as1&client_secret=as1-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());

        String body = """
                {"externalId": "meter-1@meters.test", "validityPeriod": 300, "priority": "PRIORITY", "applicationPortId": 9200,
                 "triggerPayload": "%s", "notificationDestination": "https://localhost:%d/reports"}
                """.formatted(Base64.getEncoder().encodeToString("wake".getBytes(StandardCharsets.US_ASCII)),
                notifications.getAddress().getPort());
        HttpResponse<String> created = as1.send(HttpRequest.newBuilder(URI.create(base + "/3gpp-device-triggering/v1/as1/transactions"))
                .header("Authorization", "Bearer " + JSON.readTree(token.body()).get("access_token").asText())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String self = JSON.readTree(created.body()).get("self").asText();

        String report = reports.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(report, "the delivery report reached the notification destination");
        JsonNode n = JSON.readTree(report);
        assertEquals(self, n.get("transaction").asText());
        assertEquals("SUCCESS", n.get("result").asText());

        List<SmsDeliver> got = msc.deliveredTo(IMSI);
        assertEquals(1, got.size());
        SmsDeliver sm = got.get(0);
        assertEquals(0x48, sm.protocolIdentifier());
        assertEquals(9200, sm.userData().header().applicationPort().orElseThrow().destinationPort());
        assertArrayEquals("wake".getBytes(StandardCharsets.US_ASCII), sm.userData().body());
    }

    @Test
    void missingT8FilesStopTheStartNamingThem() throws Exception {
        Path config = dir.resolve("mtcgate.yaml");
        Files.writeString(config, Files.readString(config).replace("pki/localhost.crt, key: pki/localhost.key, trusted-ca: pki/ca.crt, generate-lab-pki: true",
                "pki/localhost.crt, key: pki/localhost.key, trusted-ca: pki/ca.crt"));
        NodeException e = assertThrows(NodeException.class,
                () -> Node.start(NodeConfigFile.load(config), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("t8.tls: ") && e.getMessage().contains("localhost.crt"),
                e.getMessage());
    }

    void startMsc() throws Exception {
        mscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("msc").dataDir(dir.resolve("msc"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", ports[1]).remote("127.0.0.1", ports[0])
                .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC)
                .localGlobalTitle("491720000200").build());
        msc = new LabMsc(mscStack);
        mscStack.connect();
        mscStack.active().get(WAIT, TimeUnit.SECONDS);
        node.ss7().orElseThrow().active().get(WAIT, TimeUnit.SECONDS);
    }

    /** The SCS/AS's notification server: HTTPS for localhost from the lab CA, the SCEF's certificate required. */
    void startNotificationServer(Path pki, X509Certificate ca) throws Exception {
        LabCertificateAuthority authority = LabCertificateAuthority.load(ca, Pem.readPrivateKey(Files.readString(pki.resolve("ca.key"))));
        IssuedCredential cred = authority.issue("as1-notifications", List.of("localhost"), Duration.ofDays(1));
        notifications = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notifications.setHttpsConfigurator(new HttpsConfigurator(context(cred.certificate(), cred.privateKey(), ca)) {
            @Override
            public void configure(HttpsParameters params) {
                params.setNeedClientAuth(true);
            }
        });
        notifications.createContext("/reports", exchange -> {
            reports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        notifications.start();
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
