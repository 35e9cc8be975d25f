package org.mtcgate.diameter.t4;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;

/** Filter engines for the SMS-SC's T4 ingress in tests. */
public final class T4IngressPolicy {
    private T4IngressPolicy() {
    }

    /** A policy that trusts one MTC-IWF on T4 for triggers to every UE, and nobody else. */
    public static FilterEngine trusting(String mtcIwf) {
        return of("""
                version: 1
                senders:
                  - {id: mtc-iwf, ingress: [t4], identities: [%s], grants: [{kinds: [trigger], to: all}]}
                """.formatted(mtcIwf));
    }

    public static FilterEngine of(String yaml) {
        try {
            return new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                    .load("t4-ingress.yaml", yaml, ListSource.NONE), TimeSource.SYSTEM);
        } catch (org.mtcgate.filter.yaml.ConfigException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
