package org.mtcgate.diameter.sgd;

import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.LoopbackNodes;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An MME and an SMS-SC on 127.0.0.1, each the project's own Diameter node (plain TCP lab mode). */
final class SgdPeers implements AutoCloseable {
    static final String SMS_SC = "smsc.operator.test";
    static final String MME = "mme1.epc.operator.test";
    static final String MME_REALM = "epc.operator.test";

    private final List<DiameterNode> nodes = new ArrayList<>();

    /** A started MME that takes TFRs from the SMS-SC (role sms-sc) and hands them to {@code handler}. */
    DiameterNode mme(DiameterRequestHandler handler) throws Exception {
        DiameterNode mme = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(MME))
                .listen(new InetSocketAddress(LoopbackNodes.LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(SMS_SC, LoopbackNodes.realm(SMS_SC), PeerRole.SMS_SC)).build());
        nodes.add(mme);
        return mme.registerHandler(ApplicationIds.SGD, handler).start();
    }

    /** An SMS-SC that connects to the MME, not started: {@link SgdMtDelivery#announcedOn} comes first. */
    DiameterNode smsSc(DiameterNode mme, Duration requestTimeout) {
        DiameterNode smsc = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(SMS_SC)).insecureLab(true)
                .requestTimeout(requestTimeout)
                .peer(PeerConfig.connecting(MME, MME_REALM, mme.localAddress(), PeerRole.MME)).build());
        nodes.add(smsc);
        return smsc;
    }

    /** Starts an SMS-SC and waits until its connection with the MME is open. */
    static DiameterNode open(DiameterNode smsc) throws Exception {
        smsc.start();
        LoopbackNodes.awaitOpen(smsc, MME);
        return smsc;
    }

    /** A started SMS-SC that announces SGd and waits for the MME to connect. */
    DiameterNode listeningSmsSc() throws Exception {
        DiameterNode smsc = new DiameterNode(DiameterNodeConfig.builder(LoopbackNodes.identity(SMS_SC))
                .listen(new InetSocketAddress(LoopbackNodes.LOOPBACK, 0)).insecureLab(true)
                .peer(PeerConfig.accepting(MME, MME_REALM, PeerRole.MME)).build());
        nodes.add(smsc);
        return smsc.supportApplication(ApplicationIds.SGD).start();
    }

    @Override
    public void close() {
        List<DiameterNode> reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        reversed.forEach(DiameterNode::close);
    }
}
