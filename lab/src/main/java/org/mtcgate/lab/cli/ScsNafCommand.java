package org.mtcgate.lab.cli;

import org.mtcgate.bsf.ub.UbTls;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.lab.naf.LabNaf;
import org.mtcgate.lab.naf.ZnClient;
import org.mtcgate.lab.pki.LabPki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code mtcgate scs naf}: the SCS's lab NAF for UE-initiated GBA (TS 33.187 7.2): Ua over HTTPS with HTTP Digest on
 * Ks_NAF, the key fetched from the BSF over Zn.
 */
@Command(name = "naf", mixinStandardHelpOptions = true,
        description = "A lab NAF (TS 33.222 style): HTTPS where a UE authenticates with HTTP Digest, username the B-TID and "
                + "password base64(Ks_NAF); the NAF gets Ks_NAF for the B-TID from the BSF over Zn (Diameter, mutual TLS; "
                + "the BSF must list this NAF in bsf.nafs). Prints one line per authentication or refusal, never a key. "
                + "Runs until Ctrl-C, or until --max-auth authentications.")
final class ScsNafCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8444", description = "where Ua (HTTPS) listens (default ${DEFAULT-VALUE})")
    String listen;

    @Option(names = "--naf-id", defaultValue = "naf.operator.example.net",
            description = "the NAF's FQDN: the NAF_Id's FQDN, the Digest realm's host and the name its HTTPS certificate "
                    + "bears (<pki>/<naf-id>.crt) (default ${DEFAULT-VALUE})")
    String nafFqdn;

    @Option(names = "--ua", defaultValue = "0100000002",
            description = "Ua security protocol id of the NAF_Id, 10 hex digits (default ${DEFAULT-VALUE}: HTTP digest, TS 24.109)")
    String ua;

    @Option(names = "--bsf-zn", defaultValue = "127.0.0.1:3868", description = "the BSF's Diameter address (default ${DEFAULT-VALUE})")
    String bsfZn;

    @Option(names = "--bsf-host", defaultValue = "bsf.operator.example.net",
            description = "the BSF's Diameter identity (default ${DEFAULT-VALUE})")
    String bsfHost;

    @Option(names = "--identity", defaultValue = "naf1.operator.example.net",
            description = "this NAF's Diameter identity, a peer of role naf at the BSF; its certificate must name it "
                    + "(default ${DEFAULT-VALUE})")
    String identity;

    @Option(names = "--pki", defaultValue = "${sys:mtcgate.home:-.}/data/pki",
            description = "folder with ca.crt, <identity>.crt/.key and <naf-id>.crt/.key (mtcgate certs issue) (default ${DEFAULT-VALUE})")
    Path pki;

    @Option(names = "--insecure-lab", description = "Zn over plain TCP, for a BSF node running insecure-lab (Ua stays HTTPS)")
    boolean insecureLab;

    @Option(names = "--max-auth", defaultValue = "0",
            description = "stop after this many successful authentications (default: run until Ctrl-C)")
    int maxAuth;

    @Override
    public Integer call() throws Exception {
        SimLines out = new SimLines(spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();
        NafId naf;
        HostPort at;
        HostPort bsf;
        try {
            naf = new NafId(nafFqdn, UaSecurityProtocolId.ofHex(ua));
            at = HostPort.parse(listen);
            bsf = HostPort.parse(bsfZn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LabPki lab = new LabPki(pki);
        for (Path p : new Path[] {lab.certificate(nafFqdn), lab.key(nafFqdn)}) {
            if (!Files.isReadable(p)) {
                err.println("scs naf: " + p + " is missing: make it with 'mtcgate certs issue " + nafFqdn + "'");
                return 2;
            }
        }
        DiameterNodeConfig.Builder b = DiameterNodeConfig.builder(LocalIdentity.of(identity, ScsOptions.realmOf(identity),
                        InetAddress.getLoopbackAddress()))
                .peer(PeerConfig.connecting(bsfHost, ScsOptions.realmOf(bsfHost), new InetSocketAddress(bsf.host(), bsf.port()),
                        PeerRole.HSS));
        if (insecureLab) {
            b.insecureLab(true);
        } else {
            b.tls(LabPki.tlsSettings(lab.certificate(identity), lab.key(identity), lab.caCertificate()));
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger authenticated = new AtomicInteger();
        try (DiameterNode node = new DiameterNode(b.build()).supportApplication(ApplicationIds.ZN).start()) {
            try {
                node.whenPeerOpen(bsfHost).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                err.println("scs naf: no Zn connection to " + bsfHost + " at " + bsf + ": " + e.getMessage());
                return 3;
            }
            ZnClient zn = new ZnClient(node, bsfHost, ScsOptions.realmOf(bsfHost));
            try (LabNaf server = LabNaf.start(new InetSocketAddress(at.host(), at.port()),
                    UbTls.serverContext(lab.certificate(nafFqdn), lab.key(nafFqdn)), naf, zn, Clock.systemUTC(),
                    (btid, outcome, detail) -> {
                        if ("authenticated".equals(outcome)) {
                            out.line("NAF: B-TID " + btid + " authenticated as IMPI " + detail);
                            if (maxAuth > 0 && authenticated.incrementAndGet() >= maxAuth) {
                                done.countDown();
                            }
                        } else {
                            out.line("NAF: " + (btid == null ? "a request" : "B-TID " + btid) + " refused (" + outcome + "): " + detail);
                        }
                    })) {
                out.line("NAF " + nafFqdn + " (Ua " + ua + "): HTTPS on " + server.localAddress().getHostString() + ":"
                        + server.localAddress().getPort() + ", keys over Zn from " + bsfHost + " at " + bsf
                        + (insecureLab ? " (plain TCP)" : " (TLS)")
                        + (maxAuth > 0 ? "; stops after " + maxAuth + " authentication(s)" : "; Ctrl-C stops"));
                // Ctrl-C: the JVM halts once its hooks end, so the hook waits (boundedly) for the summary line below
                CountDownLatch summarised = new CountDownLatch(1);
                Thread hook = new Thread(() -> {
                    done.countDown();
                    try {
                        summarised.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "mtcgate-naf-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                done.await();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running already
                }
                out.line("NAF: stopping after " + server.authenticatedCount() + " authentication(s), " + server.refusedCount()
                        + " refusal(s), " + server.znRequestCount() + " Zn request(s)");
                summarised.countDown();
            }
        }
        return 0;
    }
}
