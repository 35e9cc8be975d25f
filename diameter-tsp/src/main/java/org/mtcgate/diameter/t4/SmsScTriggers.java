package org.mtcgate.diameter.t4;

import org.mtcgate.diameter.s6m.UserIdentifier;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.TriggerId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS-SC's record of triggers taken over T4 and not yet reported (TS 23.682 5.3.1 lists what it keeps):
 * who sent it (the MTC-IWF's Diameter identity and realm, for the DRR's Destination-Host/Realm), the
 * User-Identifier and SM-RP-SMEA to echo in the DRR, and the trigger itself. Triggers are named
 * {@code TriggerId(MTC-IWF Origin-Host, T4 Reference-Number)}: T4 references are unique per MTC-IWF.
 * Bounded: when full, new DTRs are answered SC_CONGESTION.
 */
public final class SmsScTriggers {
    /** One pending trigger. */
    public record Pending(DeviceTrigger trigger, UserIdentifier user, SmeAddress sme, String mtcIwfHost, String mtcIwfRealm) {
    }

    private final int maxEntries;
    private final Map<TriggerId, Pending> pending = new LinkedHashMap<>();

    public SmsScTriggers(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    public synchronized Optional<Pending> get(TriggerId id) {
        return Optional.ofNullable(pending.get(id));
    }

    public synchronized boolean isFull() {
        return pending.size() >= maxEntries;
    }

    /**
     * Adds or replaces. The bound is applied at admission ({@link #isFull()} before the engine is asked): a trigger
     * the engine has taken is always recorded, or its report could never be sent. Concurrent DTRs may therefore
     * overshoot the bound by the number in flight.
     */
    public synchronized void put(Pending p) {
        pending.put(p.trigger().id(), p);
    }

    public synchronized Optional<Pending> remove(TriggerId id) {
        return Optional.ofNullable(pending.remove(id));
    }

    public synchronized int size() {
        return pending.size();
    }
}
