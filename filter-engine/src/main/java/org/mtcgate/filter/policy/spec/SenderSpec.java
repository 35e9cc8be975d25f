package org.mtcgate.filter.policy.spec;

import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.limit.Quota;
import org.mtcgate.filter.limit.RateLimit;

import java.util.List;
import java.util.Set;

/**
 * A trusted sender as written. {@code viaGtPrefixes} and {@code tpOaPrefixes} are null when absent (no
 * condition), {@code arrivesFrom} when not written; {@code rate} and {@code quota} when unlimited. The limits are
 * only values here: their state lives in the limiter registry and is bound when a policy is installed.
 */
public record SenderSpec(String id, Set<Ingress> ingresses, List<String> identities, List<String> addresses,
                         List<String> addressPrefixes, List<String> viaGtPrefixes, List<String> tpOaPrefixes,
                         ArrivesFromSpec arrivesFrom, List<GrantSpec> grants, RateLimit rate, Quota quota) {
    public SenderSpec {
        ingresses = Set.copyOf(ingresses);
        identities = List.copyOf(identities);
        addresses = List.copyOf(addresses);
        addressPrefixes = List.copyOf(addressPrefixes);
        viaGtPrefixes = viaGtPrefixes == null ? null : List.copyOf(viaGtPrefixes);
        tpOaPrefixes = tpOaPrefixes == null ? null : List.copyOf(tpOaPrefixes);
        grants = List.copyOf(grants);
    }
}
