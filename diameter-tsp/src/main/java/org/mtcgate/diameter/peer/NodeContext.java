package org.mtcgate.diameter.peer;

import io.netty.handler.ssl.SslContext;
import java.util.Map;
import java.util.Optional;
import org.mtcgate.diameter.dictionary.MessageValidator;

/** What every connection of a node shares. Built once by {@link DiameterNode}. */
record NodeContext(DiameterNodeConfig config, MessageValidator validator, Map<Long, DiameterRequestHandler> handlers,
                   CapabilitiesExchange capabilities, ErrorAnswers errors, DisconnectPeer disconnect,
                   PeerTable peers, DuplicateCache duplicates, EndToEndIds endToEndIds, Counters counters,
                   Optional<SslContext> inbandServerTls, Optional<SslContext> inbandClientTls,
                   PeerSecurityListener security, OverloadGuard overload,
                   UnexpectedErrors unexpected, PeerCountListener peerCounts) {
    boolean inbandTls() {
        return inbandServerTls.isPresent();
    }

    LocalIdentity local() {
        return config.identity();
    }
}
