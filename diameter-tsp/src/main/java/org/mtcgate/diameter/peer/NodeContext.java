package org.mtcgate.diameter.peer;

import java.util.Map;
import org.mtcgate.diameter.dictionary.MessageValidator;

/** What every connection of a node shares. Built once by {@link DiameterNode}. */
record NodeContext(DiameterNodeConfig config, MessageValidator validator, Map<Long, DiameterRequestHandler> handlers,
                   CapabilitiesExchange capabilities, ErrorAnswers errors, DisconnectPeer disconnect,
                   PeerTable peers, DuplicateCache duplicates, EndToEndIds endToEndIds, Counters counters) {
    LocalIdentity local() {
        return config.identity();
    }
}
