package org.mtcgate.map.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.mobicents.protocols.api.Association;
import org.mobicents.protocols.sctp.netty.NettySctpManagementImpl;

/**
 * jSS7's Netty transport, handing M3UA {@link TappedAssociation}s so that a {@link M3uaTap} and the
 * {@link M3uaTraffic} counters see what it sends.
 * M3UA takes its association from {@link #getAssociation} once, when its ASP is created, and sends through it alone.
 *
 * <p>The class name keeps "Netty": jSS7's M3UA chooses its ByteBuf (Netty) code path when the transport's simple class
 * name contains that word, and would copy every message into arrays otherwise.
 */
final class NettyTransportWithTap extends NettySctpManagementImpl {
    private final M3uaTap tap;
    private final Supplier<M3uaTraffic> traffic;
    private final Map<String, RemotePeer> peersByAssociation;
    private final Map<String, TappedAssociation> tapped = new ConcurrentHashMap<>();

    NettyTransportWithTap(String name, M3uaTap tap, Supplier<M3uaTraffic> traffic, Map<String, RemotePeer> peersByAssociation)
            throws IOException {
        super(name);
        this.tap = tap;
        this.traffic = traffic;
        this.peersByAssociation = Map.copyOf(peersByAssociation);
    }

    @Override
    public Association getAssociation(String name) throws Exception {
        Association real = super.getAssociation(name);
        RemotePeer peer = peersByAssociation.get(name);
        if (peer == null) {
            return real;
        }
        return tapped.computeIfAbsent(name, n -> new TappedAssociation(real, tap, traffic, peer.name(), local(peer), remote(peer)));
    }

    static InetSocketAddress local(RemotePeer peer) {
        return new InetSocketAddress(peer.localHost(), peer.localPort());
    }

    static InetSocketAddress remote(RemotePeer peer) {
        return new InetSocketAddress(peer.remoteHost(), peer.remotePort());
    }
}
