package org.mtcgate.lab.cli;

import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.filter.Imsi;
import org.mtcgate.lab.mme.SimulatedMme;
import org.mtcgate.lab.pki.LabPki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code mtcgate sim mme}: an MME on SGd answering the SMS-SC's MT-Forward-Short-Message requests. */
@Command(name = "mme", mixinStandardHelpOptions = true,
        description = "An MME on SGd (TS 29.338): listens for SMS-SCs, answers TFR (delivered, absent, unknown user, "
                + "memory capacity exceeded) and prints one line per TFR. Runs until Ctrl-C.")
final class SimMmeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--listen", defaultValue = "127.0.0.1:3870", description = "address to listen on (default ${DEFAULT-VALUE})")
    String listen;

    @Option(names = "--identity", defaultValue = "mme1.epc.operator.example.net",
            description = "this MME's Diameter identity, the serving node name the HSS gives (default ${DEFAULT-VALUE})")
    String identity;

    @Option(names = "--sms-sc", split = ",", defaultValue = "mtc-iwf.operator.example.net",
            description = "Diameter identities of the SMS-SCs that may send TFRs (default ${DEFAULT-VALUE})")
    List<String> smsScs;

    @Option(names = "--imsi", split = ",", description = "IMSIs of the UEs this MME serves")
    List<String> attached = List.of();

    @Option(names = "--absent", split = ",", description = "IMSIs answered DIAMETER_ERROR_ABSENT_USER")
    List<String> absent = List.of();

    @Option(names = "--memory-full", split = ",",
            description = "served IMSIs whose memory is full: SM delivery failure, memory capacity exceeded")
    List<String> memoryFull = List.of();

    @Option(names = "--pki", defaultValue = "${sys:mtcgate.home:-.}/data/pki",
            description = "folder with ca.crt and <identity>.crt/.key (mtcgate certs issue) (default ${DEFAULT-VALUE})")
    Path pki;

    @Option(names = "--insecure-lab", description = "plain TCP without TLS, for a node running insecure-lab")
    boolean insecureLab;

    @Override
    public Integer call() throws Exception {
        SimLines out = new SimLines(spec.commandLine().getOut());
        Set<Imsi> served = imsis(attached);
        served.addAll(imsis(memoryFull));
        SimulatedMme mme = new SimulatedMme(served, imsis(absent), out::line);
        imsis(memoryFull).forEach(i -> mme.memoryFull(i, true));
        HostPort at = HostPort.parse(listen);
        DiameterNodeConfig.Builder b = DiameterNodeConfig.builder(LocalIdentity.of(identity, ScsOptions.realmOf(identity),
                        InetAddress.getLoopbackAddress()))
                .listen(new InetSocketAddress(at.host(), at.port()));
        for (String smsc : smsScs) {
            b.peer(PeerConfig.accepting(smsc, ScsOptions.realmOf(smsc), PeerRole.SMS_SC));
        }
        if (insecureLab) {
            b.insecureLab(true);
        } else {
            LabPki lab = new LabPki(pki);
            b.tls(LabPki.tlsSettings(lab.certificate(identity), lab.key(identity), lab.caCertificate()));
        }
        DiameterNode node = new DiameterNode(b.build()).registerHandler(ApplicationIds.SGD, mme).start();
        out.line("MME " + identity + ": SGd on " + node.localAddress() + (insecureLab ? " (plain TCP)" : " (TLS)")
                + " for " + String.join(", ", smsScs) + "; " + served.size() + " UEs served, " + absent.size()
                + " absent; Ctrl-C stops");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                out.line("MME: stopping");
                node.close();
            } finally {
                stopped.countDown();
            }
        }, "mtcgate-sim-shutdown"));
        stopped.await();
        return 0;
    }

    private static Set<Imsi> imsis(List<String> digits) {
        Set<Imsi> out = new HashSet<>();
        for (String d : digits) {
            out.add(Imsi.of(d.trim()));
        }
        return out;
    }
}
