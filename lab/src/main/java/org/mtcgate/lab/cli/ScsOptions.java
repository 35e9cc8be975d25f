package org.mtcgate.lab.cli;

import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** How an SCS command reaches the MTC-IWF: addresses, identities and TLS material. */
final class ScsOptions {
    @Option(names = "--mtc-iwf", defaultValue = "127.0.0.1:5868", description = "MTC-IWF address (default ${DEFAULT-VALUE})")
    String mtcIwf;

    @Option(names = "--mtc-iwf-host", defaultValue = "mtc-iwf.operator.example.net",
            description = "MTC-IWF Diameter identity (default ${DEFAULT-VALUE})")
    String mtcIwfHost;

    @Option(names = "--identity", defaultValue = "scs1.utility.example.com",
            description = "this SCS's Diameter identity; its certificate must name it (default ${DEFAULT-VALUE})")
    String identity;

    @Option(names = "--pki", defaultValue = "${sys:mtcgate.home:-.}/data/pki",
            description = "folder with ca.crt and <identity>.crt/.key (mtcgate certs issue) (default ${DEFAULT-VALUE})")
    Path pki;

    @Option(names = "--timeout", defaultValue = "10",
            description = "seconds to wait for the Tsp connection, and then for each answer (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--insecure-lab", description = "plain TCP without TLS, for an MTC-IWF running insecure-lab")
    boolean insecureLab;

    static String realmOf(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(dot + 1);
    }

    InetSocketAddress address() {
        return address(mtcIwf, "--mtc-iwf");
    }

    /** {@code host:port} of an option, or IllegalArgumentException naming the option. */
    static InetSocketAddress address(String hostPort, String option) {
        int colon = hostPort.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + " '" + hostPort + "' is not host:port");
        }
        return new InetSocketAddress(hostPort.substring(0, colon), port);
    }

    /** The arguments' mistakes, as one line, or null: checked before anything is opened. */
    String problem() {
        try {
            if (address().isUnresolved()) {
                return "--mtc-iwf '" + mtcIwf + "': cannot resolve the host name";
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (timeoutSeconds < 1) {
            return "--timeout must be at least 1 second";
        }
        if (!insecureLab) {
            LabPki lab = new LabPki(pki);
            for (Path p : java.util.List.of(lab.caCertificate(), lab.certificate(identity), lab.key(identity))) {
                if (!java.nio.file.Files.isReadable(p)) {
                    return p + " does not exist or cannot be read (--pki, --identity; 'mtcgate certs issue " + identity + "')";
                }
            }
        }
        return null;
    }

    DiameterNodeConfig config() throws Exception {
        return config(mtcIwfHost, address(), PeerRole.MTC_IWF);
    }

    /** This SCS's identity and TLS, connecting to one peer (the MTC-IWF, or a BSF of its own for Zpn). */
    DiameterNodeConfig config(String peerHost, InetSocketAddress peerAddress, PeerRole peerRole) throws Exception {
        DiameterNodeConfig.Builder b = DiameterNodeConfig.builder(LocalIdentity.of(identity, realmOf(identity),
                        InetAddress.getLoopbackAddress()))
                .peer(PeerConfig.connecting(peerHost, realmOf(peerHost), peerAddress, peerRole));
        if (insecureLab) {
            b.insecureLab(true);
        } else {
            LabPki lab = new LabPki(pki);
            b.tls(LabPki.tlsSettings(lab.certificate(identity), lab.key(identity), lab.caCertificate()));
        }
        return b.build();
    }
}
