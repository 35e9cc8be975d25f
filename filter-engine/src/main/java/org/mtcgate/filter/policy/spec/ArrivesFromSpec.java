package org.mtcgate.filter.policy.spec;

import org.mtcgate.filter.Zone;

import java.util.Set;

/** {@code arrives-from}: the zones and/or named SS7 peers a sender may arrive through (at least one of them). */
public record ArrivesFromSpec(Set<Zone> zones, Set<String> peers) {
    public ArrivesFromSpec {
        zones = Set.copyOf(zones);
        peers = Set.copyOf(peers);
    }
}
