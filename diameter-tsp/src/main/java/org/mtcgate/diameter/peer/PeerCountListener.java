package org.mtcgate.diameter.peer;

/**
 * Hears each event counted on a connection whose peer has completed the capabilities exchange, with that peer's
 * Origin-Host, so that the node can keep per-peer metrics. Called on the connection's event loop: do not block.
 */
@FunctionalInterface
public interface PeerCountListener {
    PeerCountListener NONE = (peer, counter) -> { };

    void counted(String peerHost, Counter counter);
}
