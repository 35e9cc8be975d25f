package org.mtcgate.diameter.s6m;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the MTC-IWF sends SIRs and how long it reuses answers.
 *
 * @param hssRealm        Destination-Realm of the HSS
 * @param hssHost         Destination-Host, or null to let the realm route
 * @param cacheTtl        how long a successful SIA is reused; zero for no cache
 * @param cacheMaxEntries at most this many cached answers
 */
public record S6mClientConfig(String hssRealm, String hssHost, Duration cacheTtl, int cacheMaxEntries) {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    public S6mClientConfig {
        Objects.requireNonNull(hssRealm, "hssRealm");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    public static S6mClientConfig of(String hssRealm) {
        return new S6mClientConfig(hssRealm, null, DEFAULT_TTL, DEFAULT_MAX_ENTRIES);
    }
}
