package org.mtcgate.map.stack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mtcgate.filter.ArrivalLink;

/**
 * Which peer an incoming dialog arrived from. Each peer's association is its own SCCP network (network id
 * 1, 2, ... in the order of the configuration): jSS7 stamps every received message, and the TCAP dialog it opens,
 * with the network id of the MTP3 service access point whose destination is the message's OPC, and the
 * {@link OriginGuard} lets a DATA message in over an association only with that association's peer's point code.
 * So the network id names the association, not anything the sender wrote in SCCP or MAP. Answers go out in the
 * dialog's network, hence back over the same association ({@link Ss7Stack}). Immutable.
 */
public final class Ss7Links {
    private final Map<Integer, ArrivalLink> byNetworkId;
    private final Map<Integer, RemotePeer> peerByNetworkId;

    Ss7Links(List<RemotePeer> peers) {
        Map<Integer, ArrivalLink> m = new HashMap<>();
        Map<Integer, RemotePeer> p = new HashMap<>();
        for (int i = 0; i < peers.size(); i++) {
            RemotePeer peer = peers.get(i);
            m.put(networkIdOf(i), new ArrivalLink(peer.name(), peer.zone()));
            p.put(networkIdOf(i), peer);
        }
        this.byNetworkId = Map.copyOf(m);
        this.peerByNetworkId = Map.copyOf(p);
    }

    /** The configured peer a dialog opened by a peer arrived from, or null for a dialog this node opened. */
    public RemotePeer peerOf(MAPDialog dialog) {
        return peerByNetworkId.get(dialog.getNetworkId());
    }

    /** The SCCP network id of the i-th configured peer. Network 0 is what this node originates. */
    static int networkIdOf(int peerIndex) {
        return peerIndex + 1;
    }

    /** The link a dialog opened by a peer arrived on, or null for a dialog this node opened itself. */
    public ArrivalLink of(MAPDialog dialog) {
        return byNetworkId.get(dialog.getNetworkId());
    }
}
