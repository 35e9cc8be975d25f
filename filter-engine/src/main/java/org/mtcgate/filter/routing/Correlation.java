package org.mtcgate.filter.routing;

import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.GlobalTitle;
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
 * @param askedBy       the network address that asked (SCCP calling GT and arrival link), or null when unknown;
 *                      only an MT-ForwardSM from the same address may use the ID
 */
public record Correlation(CorrelationId id, Msisdn msisdn, Imsi imsi, String mscNumber, String sgsnNumber,
                          String smscAddress, Instant expiresAt, AskedBy askedBy) {
    public Correlation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A correlation not bound to a network address (tests, tools). */
    public Correlation(CorrelationId id, Msisdn msisdn, Imsi imsi, String mscNumber, String sgsnNumber,
                       String smscAddress, Instant expiresAt) {
        this(id, msisdn, imsi, mscNumber, sgsnNumber, smscAddress, expiresAt, null);
    }

    /**
     * Who asked for a correlation, as the network delivered the SRI-for-SM: the SCCP calling GT (null when the
     * calling address had none) and the signalling link it arrived on (null when unknown).
     */
    public record AskedBy(GlobalTitle callingGt, ArrivalLink link) {
        /** Whether {@code other} is the same address: same calling GT and same link. */
        public boolean sameAs(AskedBy other) {
            return other != null && Objects.equals(callingGt, other.callingGt) && Objects.equals(link, other.link);
        }

        @Override
        public String toString() {
            return "GT " + (callingGt == null ? "-" : callingGt.digits()) + " on " + (link == null ? "an unknown link" : link);
        }
    }
}
