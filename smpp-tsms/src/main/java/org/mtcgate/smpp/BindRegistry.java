package org.mtcgate.smpp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The bound sessions, by session id; who may take deliver_sm for an SME. */
final class BindRegistry {
    private final Map<String, BoundSme> bySession = new ConcurrentHashMap<>();

    void add(BoundSme bound) {
        bySession.put(bound.session().getSessionId(), bound);
    }

    Optional<BoundSme> remove(String sessionId) {
        return Optional.ofNullable(bySession.remove(sessionId));
    }

    Optional<BoundSme> of(String sessionId) {
        return Optional.ofNullable(bySession.get(sessionId));
    }

    /** A bound receiver or transceiver session of {@code systemId}, if one is bound. */
    Optional<BoundSme> receiverOf(String systemId) {
        return bySession.values().stream()
                .filter(b -> b.kind().receives() && b.account().systemId().equals(systemId)
                        && b.session().getSessionState().isReceivable())
                .findFirst();
    }

    int size() {
        return bySession.size();
    }
}
