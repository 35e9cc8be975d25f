package org.mtcgate.filter.trigger;

import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Msisdn;

/**
 * How an SCS names the UE it wants to trigger: an External-Identifier, an MSISDN, or both (TS 29.368 6.4.2).
 * Never an IMSI: the SCS is outside the operator's domain (TS 33.187 4.5).
 */
public record UeName(ExternalId externalId, Msisdn msisdn) {
    public UeName {
        if (externalId == null && msisdn == null) {
            throw new IllegalArgumentException("a UE needs an External-Identifier or an MSISDN");
        }
    }

    public static UeName of(ExternalId externalId) {
        return new UeName(externalId, null);
    }

    public static UeName of(Msisdn msisdn) {
        return new UeName(null, msisdn);
    }

    @Override
    public String toString() {
        return externalId != null ? externalId.toString() : msisdn.toString();
    }
}
