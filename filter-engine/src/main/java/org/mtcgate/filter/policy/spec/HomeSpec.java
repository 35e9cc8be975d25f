package org.mtcgate.filter.policy.spec;

import java.util.List;

/**
 * {@code home-network}: the home SMS-SCs that handle triggers, the OTA platforms ({@code null} when the key is
 * absent: no OTA rules), further home GT prefixes, and the links they arrive through (null: the home zone).
 */
public record HomeSpec(List<String> triggerSmsSc, List<String> otaPlatforms, List<String> gtPrefixes,
                       ArrivesFromSpec arrivesFrom) {
    public static final HomeSpec NONE = new HomeSpec(List.of(), null, List.of(), null);

    public HomeSpec {
        triggerSmsSc = List.copyOf(triggerSmsSc);
        otaPlatforms = otaPlatforms == null ? null : List.copyOf(otaPlatforms);
        gtPrefixes = List.copyOf(gtPrefixes);
    }
}
