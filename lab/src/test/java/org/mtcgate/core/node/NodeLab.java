package org.mtcgate.core.node;

import org.apache.sshd.client.SshClient;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.lab.msc.LabMsc;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the node tests write and start the same way: sections of the node config (each at column 0, to be joined),
 * the MSC on the node's one SS7 association and the SCS scs1 as the node's Tsp peer.
 */
final class NodeLab {
    static final String MTC_IWF = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    /** The IMSI of meter-1@meters.test. */
    static final String IMSI = "262015500000001";
    static final long WAIT = 20;

    /** policy.yaml: scs1 may trigger over Tsp the group meters, the External Identifiers at meters.test. */
    static final String METERS_POLICY = """
            version: 1
            groups:
              meters: {external-id-domains: [meters.test]}
            senders:
              - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: [meters]}]}
            """;

    /** subscribers.yaml: two UEs by MSISDN any SCS may trigger, served by the MSC 491720000200. */
    static final String TWO_FLEET_SUBSCRIBERS = """
            subscribers:
              - {imsi: "262015500000001", msisdn: "491701000001", trigger-scs: ["*"], serving-nodes: ["491720000200"]}
              - {imsi: "262015500000002", msisdn: "491701000002", trigger-scs: ["*"], serving-nodes: ["491720000200"]}
            """;

    /** The SMS-SC section with the trigger originator and retries fast enough for a test. */
    static final String FAST_SMS_SC = """
            sms-sc: {trigger-originator: "491720000999", retry-first: 50ms, retry-max: 200ms}
            """;

    private NodeLab() {
    }

    /** The header of the node config: its name, roles and the policy and subscriber files next to it. */
    static String head(String name, String roles) {
        return """
                node: {name: %s, data-dir: data}
                roles: [%s]
                policy: policy.yaml
                subscribers: subscribers.yaml
                """.formatted(name, roles);
    }

    /** The diameter section of the MTC-IWF over TLS with the lab PKI made at the start; {@code peers} may be null. */
    static String tlsDiameter(String peers) {
        return """
                diameter:
                  identity: mtc-iwf.operator.test
                  listen: 127.0.0.1:0
                  tls: {certificate: pki/mtc-iwf.operator.test.crt, key: pki/mtc-iwf.operator.test.key,
                        trusted-ca: pki/ca.crt, generate-lab-pki: true}
                """ + (peers == null ? "" : "  peers: " + peers + "\n");
    }

    /** The ss7 section: point code 1, GT 491720000100, serving on {@code ports[0]} for the MSC on {@code ports[1]}. */
    static String ss7ForMsc(int[] ports) {
        return """
                ss7:
                  local-gt: "491720000100"
                  point-code: 1
                  invoke-timeout: 1s
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                """.formatted(ports[0], ports[1]);
    }

    /** The diameter section of the MTC-IWF without TLS (insecure-lab) and with {@code peers}. */
    static String insecureDiameter(String peers) {
        return "diameter: {identity: mtc-iwf.operator.test, listen: 127.0.0.1:0, insecure-lab: true, peers: %s}\n"
                .formatted(peers);
    }

    /** The console section, one line without its line end: user olga, password op-secret-1. */
    static String console() {
        String hash = PasswordHash.of("op-secret-1".toCharArray(), 1000, new SecureRandom()).encoded();
        return "console: {host: 127.0.0.1, port: 0, users: [{name: olga, password-hash: \"%s\"}]}".formatted(hash);
    }

    /** Closes each of {@code things} that is not null, in order; one that fails leaves none of the others open. */
    static void closeAll(AutoCloseable... things) throws Exception {
        Exception first = null;
        for (AutoCloseable c : things) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * What the nodes hold, their peers and counters, as the console would print them: put in a failed assertion's
     * message so a failure in CI says where the work stopped.
     */
    static String state(Node... nodes) {
        StringBuilder b = new StringBuilder();
        for (Node node : nodes) {
            if (node == null) {
                continue;
            }
            Consumer<String> line = l -> b.append("\n  ").append(l);
            b.append("\n[").append(node.config().name()).append("] held:");
            node.heldTriggers(line);
            b.append("\n[").append(node.config().name()).append("] peers:");
            node.peers(line);
            b.append("\n[").append(node.config().name()).append("] stats:");
            node.stats(line);
        }
        return b.toString();
    }

    /** An SSH client for the node's console, started, that takes any host key (the node makes its own). */
    static SshClient consoleClient() {
        SshClient ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier((session, address, key) -> true);
        ssh.start();
        return ssh;
    }

    /** The lab MSC's SS7 stack and what it received. */
    record Msc(Ss7Stack stack, LabMsc lab) {
    }

    /** The MSC (GT 491720000200) on the association of {@link #ss7ForMsc}, both sides active. */
    static Msc startMsc(Path dir, int[] ports, Node node) throws Exception {
        Ss7Stack stack = Ss7Stack.assemble(Ss7StackConfig.builder().name("msc").dataDir(dir.resolve("msc"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", ports[1]).remote("127.0.0.1", ports[0])
                .pointCodes(2, 1).localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC)
                .localGlobalTitle("491720000200").build());
        try {
            LabMsc msc = new LabMsc(stack);
            stack.connect();
            stack.active().get(WAIT, TimeUnit.SECONDS);
            node.ss7().orElseThrow().active().get(WAIT, TimeUnit.SECONDS);
            return new Msc(stack, msc);
        } catch (Exception | AssertionError e) {
            // Not handed to the test, so closed here: a client left retrying would reach the next test's node.
            stack.close();
            throw e;
        }
    }

    /** scs1 connected to the node over TLS with its certificate from the lab PKI in {@code dir}/pki. */
    static ScsClient connectScs(Path dir, Node node, Consumer<ScsClient.DeliveryReport> reports) throws Exception {
        LabPki pki = new LabPki(dir.resolve("pki"));
        return connected(scs1(node).tls(LabPki.tlsSettings(pki.certificate(SCS), pki.key(SCS), pki.caCertificate())),
                reports);
    }

    /** scs1 connected to a node whose Diameter is insecure-lab, its delivery reports dropped. */
    static ScsClient connectInsecureScs(Node node) throws Exception {
        return connected(scs1(node).insecureLab(true), r -> { });
    }

    private static DiameterNodeConfig.Builder scs1(Node node) {
        return DiameterNodeConfig.builder(LocalIdentity.of(SCS, "utility.test", InetAddress.getLoopbackAddress()))
                .peer(PeerConfig.connecting(MTC_IWF, "operator.test", node.diameterAddress().orElseThrow(), PeerRole.MTC_IWF));
    }

    private static ScsClient connected(DiameterNodeConfig.Builder config, Consumer<ScsClient.DeliveryReport> reports)
            throws Exception {
        ScsClient scs = ScsClient.start(config.build(), "operator.test", reports);
        try {
            scs.connected(MTC_IWF).get(WAIT, TimeUnit.SECONDS);
            return scs;
        } catch (Exception e) {
            scs.close();
            throw e;
        }
    }
}
