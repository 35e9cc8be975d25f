package org.mtcgate.diameter.peer;

/**
 * Hears why connections to configured peers could not be opened (a client tool names the cause to its user). Called
 * on a Netty event loop: it must not block. The node keeps reconnecting whatever the listener does.
 */
@FunctionalInterface
public interface PeerFailureListener {
    PeerFailureListener NONE = failure -> { };

    void failed(PeerFailure failure);
}
