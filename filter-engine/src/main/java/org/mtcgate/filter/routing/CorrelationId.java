package org.mtcgate.filter.routing;

import org.mtcgate.filter.Imsi;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * An MT Correlation ID (TS 23.040 3.2.7a, TS 29.002 SRI-for-SM): what the SMS Router puts in the IMSI field of
 * its SRI-for-SM answer instead of the subscriber's IMSI. It is shaped like an IMSI of the home network (the
 * home MCC+MNC, then random digits), so the foreign SMSC routes the MT-ForwardSM back to the home network, and
 * it is random so that nobody outside can guess a valid one.
 */
public final class CorrelationId {
    private final Imsi value;

    private CorrelationId(Imsi value) {
        this.value = value;
    }

    /** The correlation ID read back from the IMSI field of an MT-ForwardSM. */
    public static CorrelationId of(Imsi imsiField) {
        return new CorrelationId(Objects.requireNonNull(imsiField));
    }

    /** A fresh random ID of 15 digits starting with the home network's MCC+MNC. */
    public static CorrelationId random(String homeMccMnc, SecureRandom random) {
        if (!homeMccMnc.matches("[0-9]{5,6}")) {
            throw new IllegalArgumentException("home MCC+MNC '" + homeMccMnc + "' must be 5 or 6 digits");
        }
        StringBuilder sb = new StringBuilder(15).append(homeMccMnc);
        while (sb.length() < 15) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return new CorrelationId(Imsi.of(sb.toString()));
    }

    /** As it goes in the IMSI field. */
    public Imsi asImsi() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationId c && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.digits();
    }
}
