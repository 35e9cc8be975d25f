package org.mtcgate.lab.cli;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.core.node.Node;
import org.mtcgate.diameter.pki.Pem;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.PrintWriter;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code mtcgate bench t8}: device triggers per second through T8. One node (MTC-IWF, SMS-SC, SCEF) from a generated
 * config, an MSC stack over M3UA/TCP, an SCS/AS over mutual TLS with an OAuth token keeping N creates in flight (one
 * connection each), and its HTTPS notification server counting delivery reports. Prints creates per second, POST
 * → 201 latency p50/p99, and the delivery reports that came back.
 */
@Command(name = "t8", mixinStandardHelpOptions = true,
        description = "Triggers per second through T8: SCS/AS (HTTPS, mTLS + OAuth) -> SCEF -> MTC-IWF -> SMS-SC -> MSC, reports back.")
final class BenchT8Command implements Callable<Integer> {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "warm-up seconds, not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--in-flight", defaultValue = "16", description = "creates in flight, one connection each (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--ues", defaultValue = "10000", description = "UEs in the subscriber store (default ${DEFAULT-VALUE})")
    int ues;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 1 || warmup < 0 || inFlight < 1 || inFlight > 1000 || ues < 1) {
            spec.commandLine().getErr().println("bench t8: --seconds >= 1, --warmup >= 0, --in-flight 1..1000, --ues >= 1");
            return 2;
        }
        Path dir = Files.createTempDirectory("mtcgate-bench-t8");
        int[] ports = FreePorts.distinct(2);
        writeFiles(dir, ports);
        Tally reports = new Tally();
        HttpsServer notifications = null;
        // The SCS/AS's threads (client and notification server): a fixed few, as a real one would have.
        java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newFixedThreadPool(4);
        try (Node node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
             Ss7Stack msc = Ss7Stack.assemble(Ss7StackConfig.builder().name("bench-msc").dataDir(dir.resolve("msc"))
                     .role(AssociationRole.CLIENT).local("127.0.0.1", ports[1]).remote("127.0.0.1", ports[0])
                     .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC)
                     .localGlobalTitle("491720000200").build())) {
            new LabMsc(msc, false, (imsi, sm) -> { });
            msc.connect();
            msc.active().get(30, TimeUnit.SECONDS);
            node.ss7().orElseThrow().active().get(30, TimeUnit.SECONDS);
            Path pki = dir.resolve("pki");
            X509Certificate ca = Pem.readCertificates(Files.readString(pki.resolve("ca.crt"))).get(0);
            IssuedCredential notifier = LabCertificateAuthority.load(ca, Pem.readPrivateKey(Files.readString(pki.resolve("ca.key"))))
                    .issue("as1-notifications", List.of("localhost"), Duration.ofDays(1));
            notifications = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            notifications.setHttpsConfigurator(new HttpsConfigurator(context(notifier.certificate(), notifier.privateKey(), ca)) {
                @Override
                public void configure(HttpsParameters params) {
                    params.setNeedClientAuth(true);
                }
            });
            notifications.createContext("/reports", exchange -> {
                exchange.getRequestBody().readAllBytes();
                reports.add();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            notifications.setExecutor(io);
            notifications.start();

            // The token once, with the JDK client; the load itself with a lean Netty client (T8Load).
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io).sslContext(context(
                    Pem.readCertificates(Files.readString(pki.resolve("as1.bench.test.crt"))).get(0),
                    Pem.readPrivateKey(Files.readString(pki.resolve("as1.bench.test.key"))), ca)).build();
            String base = "https://localhost:" + node.t8Address().orElseThrow().getPort();
            HttpResponse<String> tokenAnswer = client.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=device-triggering:create"
                            + "&client_id=as1&client_secret=bench")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(tokenAnswer.body());
            if (tokenAnswer.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token: " + tokenAnswer.statusCode() + " " + tokenAnswer.body());
            }
            PrivateKey asKey = Pem.readPrivateKey(Files.readString(pki.resolve("as1.bench.test.key")));
            X509Certificate asCert = Pem.readCertificates(Files.readString(pki.resolve("as1.bench.test.crt"))).get(0);
            SslContext tls = SslContextBuilder.forClient().keyManager(asKey, asCert)
                    .trustManager(ca).protocols("TLSv1.3", "TLSv1.2").build();
            try (T8Load load = new T8Load(tls, node.t8Address().orElseThrow(),
                    URI.create(base + "/3gpp-device-triggering/v1/as1/transactions"), m.group(1),
                    "https://localhost:" + notifications.getAddress().getPort() + "/reports", ues)) {
                out.printf("%d CPUs, %s %s; %d creates in flight, one connection each%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name"), System.getProperty("java.version"), inFlight);
                out.println("warming up for " + warmup + " s ...");
                out.flush();
                load.run(inFlight, System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup)).get(warmup + 60L, TimeUnit.SECONDS);
                load.reset();
                long reportsBefore = reports.value();
                long t0 = System.nanoTime();
                load.run(inFlight, t0 + TimeUnit.SECONDS.toNanos(seconds)).get(seconds + 60L, TimeUnit.SECONDS);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                long expected = reportsBefore + load.created.sum();
                reports.awaitAtLeast(expected, 60);
                double reportLag = (System.nanoTime() - t0) / 1e9 - seconds;
                out.println();
                out.println("== POST transactions -> 201 (SCS/AS over mutual TLS with an OAuth token; filter, store, SMS-SC)");
                out.printf("created %,d in %.2f s: %,.0f per second; refused %,d%n", load.created.sum(), elapsed,
                        load.created.sum() / elapsed, load.refused.sum());
                synchronized (load.latency) {
                    out.printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", load.latency.getValueAtPercentile(50) / 1e6,
                            load.latency.getValueAtPercentile(99) / 1e6, load.latency.getMaxValue() / 1e6);
                }
                out.printf("signed delivery reports back at the notification destination: %,d of %,d, the last %.1f s after the run%n",
                        reports.value() - reportsBefore, load.created.sum(), Math.max(0, reportLag));
            }
            out.printf("node: %s%n", String.join("; ", statsLines(node)));
        } finally {
            if (notifications != null) {
                notifications.stop(0);
            }
            io.shutdownNow();
            deleteTree(dir);
        }
        return 0;
    }

    private static List<String> statsLines(Node node) {
        List<String> lines = new ArrayList<>();
        node.stats(lines::add);
        return lines.stream().filter(l -> l.startsWith("T8")).toList();
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

    private void writeFiles(Path dir, int[] ports) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                senders:
                  - {id: as1, ingress: [t8], identities: [as1], grants: [{kinds: [trigger], to: {external-id-domains: [bench.test]}}]}
                """);
        StringBuilder subs = new StringBuilder("subscribers:\n");
        for (int i = 1; i <= ues; i++) {
            subs.append(String.format("  - {imsi: \"2620155%08d\", external-ids: [ue-%d@bench.test], trigger-scs: [\"*\"], serving-nodes: [\"491720000200\"]}%n", i, i));
        }
        Files.writeString(dir.resolve("subscribers.yaml"), subs);
        String hash = PasswordHash.of("bench".toCharArray(), 1_000, new SecureRandom()).encoded();
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: bench-t8, data-dir: data}
                roles: [mtc-iwf, sms-sc, scef]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: mtc-iwf.bench.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/mtc-iwf.bench.test.crt, key: pki/mtc-iwf.bench.test.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                ss7:
                  local-gt: "491720000100"
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                sms-sc: {retry-first: 1s, retry-max: 5s}
                t8:
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/localhost.crt, key: pki/localhost.key, trusted-ca: pki/ca.crt, generate-lab-pki: true}
                  clients:
                    - {scs-as-id: as1, certificate-names: [as1.bench.test], secret-hash: "%s"}
                """.formatted(ports[0], ports[1], hash));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // A temp folder left behind is harmless.
        }
    }
}
