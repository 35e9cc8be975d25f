package org.mtcgate.map.router;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.routing.Correlation;

/**
 * Who may report a delivery outcome for whom: a ReportSM-DeliveryStatus is relayed to the HLR only from a service
 * centre, calling GT and link that asked SRI-for-SM for the same MSISDN and whose correlation is still live. Without
 * it any interconnect peer could set or clear the message-waiting data of any subscriber in the HLR.
 *
 * <p>One entry per (MSISDN, service centre, asker), kept until the latest of its correlations expires. Bounded:
 * when full, expired entries are dropped first; if it is still full the new permit is not kept (the SMSC's report
 * is then refused: the HLR is left as it is rather than memory growing without end). Thread-safe.
 */
final class ReportPermits {
    private record Key(Msisdn msisdn, String serviceCentre, Correlation.AskedBy askedBy) {
    }

    private final Map<Key, Instant> until = new ConcurrentHashMap<>();
    private final int capacity;

    ReportPermits(int capacity) {
        this.capacity = capacity;
    }

    /** Records that {@code correlation}'s asker may report on its MSISDN until the correlation expires. */
    void grant(Correlation correlation, Instant now) {
        if (correlation.askedBy() == null) {
            return;
        }
        Key key = new Key(correlation.msisdn(), correlation.smscAddress(), correlation.askedBy());
        if (until.size() >= capacity && !until.containsKey(key)) {
            expire(now);
            if (until.size() >= capacity) {
                return;
            }
        }
        until.merge(key, correlation.expiresAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether this asker holds a live correlation for {@code msisdn} asked with this service centre address. */
    boolean permits(Msisdn msisdn, String serviceCentre, Correlation.AskedBy askedBy, Instant now) {
        Instant expiry = until.get(new Key(msisdn, serviceCentre, askedBy));
        return expiry != null && now.isBefore(expiry);
    }

    /** Drops expired permits; returns how many. */
    int expire(Instant now) {
        int[] n = {0};
        until.entrySet().removeIf(e -> {
            boolean gone = !now.isBefore(e.getValue());
            n[0] += gone ? 1 : 0;
            return gone;
        });
        return n[0];
    }
}
