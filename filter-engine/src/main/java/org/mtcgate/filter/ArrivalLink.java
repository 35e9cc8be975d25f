package org.mtcgate.filter;

import java.util.Objects;

/**
 * The signalling link an item arrived on, as the node itself knows it (the association it was read from), never
 * as the sender describes itself.
 *
 * @param peer the configured name of the adjacent peer
 * @param zone the zone that peer is configured in
 */
public record ArrivalLink(String peer, Zone zone) {
    public ArrivalLink {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(zone, "zone");
    }

    public boolean home() {
        return zone == Zone.HOME;
    }

    @Override
    public String toString() {
        return peer + " (" + zone.configName() + ")";
    }
}
