package org.mtcgate.core.capture;

import java.net.InetSocketAddress;

/**
 * One whole message the node received or sent, as it crossed the wire after TLS and framing.
 *
 * @param peer    the configured peer's name when known (M3UA), else empty
 * @param stream  the SCTP stream to write it on
 * @param micros  when it was seen, microseconds since the epoch
 */
public record CapturedMessage(Protocol protocol, boolean received, InetSocketAddress local, InetSocketAddress remote,
                              String peer, int stream, byte[] payload, long micros) {
    public InetSocketAddress source() {
        return received ? remote : local;
    }

    public InetSocketAddress destination() {
        return received ? local : remote;
    }
}
