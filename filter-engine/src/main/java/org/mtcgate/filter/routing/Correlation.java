package org.mtcgate.filter.routing;

import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;

import java.time.Instant;
import java.util.Objects;

/**
 * What the SMS Router remembers between its SRI-for-SM answer and the MT-ForwardSM that follows: the real IMSI
 * and where the HLR said the UE is.
 *
 * @param id            the correlation ID handed out
 * @param msisdn        the MSISDN the SRI-for-SM asked about
 * @param imsi          the real IMSI, never sent outside
 * @param mscNumber     the serving MSC number from the HLR, or null
 * @param sgsnNumber    the serving SGSN number from the HLR, or null
 * @param smscAddress   the service centre that asked, to check the MT-ForwardSM comes from the same one
 * @param expiresAt     when the router forgets it
 */
public record Correlation(CorrelationId id, Msisdn msisdn, Imsi imsi, String mscNumber, String sgsnNumber,
                          String smscAddress, Instant expiresAt) {
    public Correlation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
