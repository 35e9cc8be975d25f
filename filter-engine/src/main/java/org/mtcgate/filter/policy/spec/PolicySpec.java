package org.mtcgate.filter.policy.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy file as read and checked: every name it uses is known, every number well formed, no group includes
 * itself. Compiling it cannot fail. The number list files it names are read separately ({@link PolicyDocument}).
 *
 * @param source          where it was read from
 * @param digest          a digest of its text
 * @param ordinaryAllowed {@code defaults.ordinary}: whether ordinary SMs without a grant pass
 * @param groups          the named groups, in the order written
 * @param senders         the trusted senders, in the order written
 * @param home            the home-network section
 * @param triggerPorts    {@code trigger-ports}
 */
public record PolicySpec(String source, String digest, boolean ordinaryAllowed, Map<String, GroupSpec> groups,
                         List<SenderSpec> senders, HomeSpec home, Set<Integer> triggerPorts) {
    public PolicySpec {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        senders = List.copyOf(senders);
        triggerPorts = Set.copyOf(triggerPorts);
    }
}
