package org.mtcgate.core.node;

import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.tls.TlsSettings;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A node as an operator runs it: Diameter over TLS (lab certificates made beforehand, so nothing is generated at
 * start), one SCS the node dials, one M3UA association it dials to an MSC stack, and the metrics endpoint. The SCS
 * and the MSC can be stopped and started again on the same ports, as a peer restarting.
 */
final class OperatedNode implements AutoCloseable {
    static final String NODE = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    static final String MSC = "msc";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Path dir;
    private final int[] ports;
    private final LabPki pki;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Ss7Stack msc;
    private ScsClient scs;
    private Node node;
    private NodeProcess process;

    OperatedNode(Path dir) throws Exception {
        this.dir = dir;
        this.ports = FreePorts.distinct(4);
        this.pki = new LabPki(dir.resolve("pki"));
        pki.ensure(List.of(NODE, SCS));
        Files.writeString(dir.resolve("fleet.msisdn"), "491701000001\n");
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  fleet: {msisdn-files: [fleet.msisdn]}
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: [fleet]}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000002", msisdn: "491701000002", trigger-scs: ["*"], serving-nodes: ["491720000200"]}
                """);
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: operated, data-dir: data}
                roles: [mtc-iwf, sms-sc]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter:
                  identity: %s
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/%s.crt, key: pki/%s.key, trusted-ca: pki/ca.crt}
                  # scs2 may connect and never does: it shows in mtcgate_peer_up but must not keep the node unready.
                  peers: [{host: %s, connect: "127.0.0.1:%d"}, {host: scs2.absent.test}]
                ss7:
                  local-gt: "491720000100"
                  invoke-timeout: 1s
                  peers:
                    - {name: %s, role: client, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 2, ssns: [8]}
                metrics: {listen: "127.0.0.1:%d"}
                logging: {file: {path: log/node.log, max-size: 10MB, max-files: 3}}
                """.formatted(NODE, NODE, NODE, SCS, ports[0], MSC, ports[1], ports[2], ports[3]));
    }

    /** Starts the peers, then the node, and waits until the node is ready. */
    OperatedNode start() throws Exception {
        startMsc();
        startScs();
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        awaitReady(r -> r.statusCode() == 200);
        return this;
    }

    /**
     * Starts the peers, then the node through its real entry point in a JVM of its own with the node's own log4j2.xml
     * (this class path has the modules' log4j2-test.xml, which a test JVM would use), and waits until it is ready.
     */
    OperatedNode startProcess(Path stderr) throws Exception {
        startMsc();
        startScs();
        process = NodeProcess.start(dir.resolve("mtcgate.yaml"), stderr, List.of("-Dlog4j2.configurationFile=log4j2.xml"));
        process.ready.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        awaitReady(r -> r.statusCode() == 200);
        return this;
    }

    /** SIGTERM to the node process, as systemd stops it; returns once it has ended. */
    void stopProcess() throws Exception {
        process.close();
    }

    /** The node's log file, as {@code logging.file} names it. */
    Path logFile() {
        return dir.resolve("log/node.log");
    }

    void startScs() throws Exception {
        scs = ScsClient.start(DiameterNodeConfig.builder(LocalIdentity.of(SCS, "utility.test", InetAddress.getLoopbackAddress()))
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports[0]))
                .tls(TlsSettings.fromPemFiles(pki.certificate(SCS), pki.key(SCS), pki.caCertificate()))
                .peer(PeerConfig.accepting(NODE, "operator.test", PeerRole.MTC_IWF)).build(), "operator.test", r -> { });
    }

    void stopScs() {
        scs.close();
    }

    void startMsc() throws Exception {
        msc = Ss7Stack.assemble(Ss7StackConfig.builder().name("t-msc").dataDir(dir.resolve("peers"))
                .role(AssociationRole.SERVER).local("127.0.0.1", ports[2]).remote("127.0.0.1", ports[1]).pointCodes(2, 1)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle("491720000200").build());
        msc.connect();
    }

    void stopMsc() {
        msc.close();
    }

    Node node() {
        return node;
    }

    /** A trigger from the SCS; its Request-Status. */
    long trigger(long reference, String msisdn) throws Exception {
        scs.connected(NODE).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return scs.send(new DeviceActionRequest(SCS, null, ActionType.DEVICE_TRIGGER_REQUEST, reference, null,
                UeName.of(Msisdn.of(msisdn)), "x".getBytes(StandardCharsets.US_ASCII), -1, false, Duration.ofMinutes(5)))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS).requestStatus();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[3] + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String scrape() throws Exception {
        HttpResponse<String> r = get("/metrics");
        if (r.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + r.statusCode());
        }
        return r.body();
    }

    /** The value of one series in /metrics, 0 when it is not there. */
    double value(String series) throws Exception {
        for (String line : scrape().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    /** Polls /ready until it answers as {@code wanted} says, for at most 30 s; returns that answer. */
    HttpResponse<String> awaitReady(Predicate<HttpResponse<String>> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get("/ready");
            if (wanted.test(last)) {
                return last;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("/ready did not turn as expected within " + WAIT + "; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {node, process, scs, msc}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }
}
