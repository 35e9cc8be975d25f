package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real Diameter nodes on 127.0.0.1 for the S6m and T4 tests (plain TCP lab mode); closes them in reverse order. */
public final class LoopbackNodes implements AutoCloseable {
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    public static final long WAIT_SECONDS = 10;

    private final List<DiameterNode> nodes = new ArrayList<>();

    public static LocalIdentity identity(String host) {
        return new LocalIdentity(host, realm(host), List.of(LOOPBACK), 0, "mtcgate-test", 1, 1);
    }

    public static String realm(String host) {
        return host.substring(host.indexOf('.') + 1);
    }

    /** A listening node (HSS or SMS-SC) accepting {@code peerHosts} as MTC-IWFs; not started, so that handlers can be registered. */
    public DiameterNode server(String host, String... peerHosts) {
        DiameterNodeConfig.Builder cfg = DiameterNodeConfig.builder(identity(host))
                .listen(new InetSocketAddress(LOOPBACK, 0)).insecureLab(true);
        for (String p : peerHosts) {
            cfg.peer(PeerConfig.accepting(p, realm(p), PeerRole.MTC_IWF));
        }
        DiameterNode node = new DiameterNode(cfg.build());
        nodes.add(node);
        return node;
    }

    /** A node (an MTC-IWF) that connects to the started {@code servers}, each an HSS and SMS-SC; not started. */
    public DiameterNode client(String host, DiameterNode... servers) {
        DiameterNodeConfig.Builder cfg = DiameterNodeConfig.builder(identity(host)).insecureLab(true);
        for (DiameterNode s : servers) {
            String h = s.config().identity().originHost();
            cfg.peer(PeerConfig.connecting(h, realm(h), s.localAddress(), PeerRole.HSS, PeerRole.SMS_SC));
        }
        DiameterNode node = new DiameterNode(cfg.build());
        nodes.add(node);
        return node;
    }

    /** Waits until {@code node} has an open connection with {@code peerHost}. */
    public static void awaitOpen(DiameterNode node, String peerHost) throws Exception {
        node.whenPeerOpen(peerHost).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        List<DiameterNode> reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        for (DiameterNode n : reversed) {
            n.close();
        }
    }
}
