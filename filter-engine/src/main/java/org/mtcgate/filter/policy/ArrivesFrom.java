package org.mtcgate.filter.policy;

import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.Zone;
import org.mtcgate.filter.policy.spec.ArrivesFromSpec;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signalling links a trusted MAP sender may arrive through: any link of the named zones, or one of the named
 * peers. A sender's GT is only believed on these links; an item that carries no link never matches.
 */
public final class ArrivesFrom {
    /** What a home sender (a home SMS-SC, the OTA platform) gets when its policy says nothing. */
    public static final ArrivesFrom HOME_ZONE = new ArrivesFrom(EnumSet.of(Zone.HOME), Set.of());

    private final Set<Zone> zones;
    private final Set<String> peers;

    ArrivesFrom(Set<Zone> zones, Set<String> peers) {
        this.zones = zones.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(zones));
        this.peers = Set.copyOf(peers);
        if (this.zones.isEmpty() && this.peers.isEmpty()) {
            throw new IllegalArgumentException("arrives-from needs a zone or peers");
        }
    }

    static ArrivesFrom of(ArrivesFromSpec spec) {
        return new ArrivesFrom(spec.zones(), spec.peers());
    }

    boolean admits(ArrivalLink link) {
        return link != null && (zones.contains(link.zone()) || peers.contains(link.peer()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!zones.isEmpty()) {
            sb.append("zone ");
            sb.append(String.join("|", zones.stream().map(Zone::configName).sorted().toList()));
        }
        if (!peers.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : " or ").append("peers ").append(new TreeSet<>(peers));
        }
        return sb.toString();
    }
}
