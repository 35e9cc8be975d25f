package org.mtcgate.filter.smsc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Sends each final outcome to the submitter's own interface: by the start of {@link SmId#submitter()} (e.g.
 * {@code smpp:} for SMEs over Tsms), else to the default listener (the MTC-IWF's triggers, locally or over T4).
 * Immutable: {@link #with} makes a new dispatch, which the SMS-SC then reports to.
 */
public final class OutcomeDispatch implements SmOutcomeListener {
    private final SmOutcomeListener fallback;
    private final Map<String, SmOutcomeListener> byPrefix;

    public OutcomeDispatch(SmOutcomeListener fallback) {
        this(fallback, Map.of());
    }

    private OutcomeDispatch(SmOutcomeListener fallback, Map<String, SmOutcomeListener> byPrefix) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.byPrefix = byPrefix;
    }

    /** This dispatch, with the outcomes of submitters starting {@code prefix} going to {@code listener}. */
    public OutcomeDispatch with(String prefix, SmOutcomeListener listener) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("a submitter prefix is not empty");
        }
        Map<String, SmOutcomeListener> next = new LinkedHashMap<>(byPrefix);
        next.put(prefix, Objects.requireNonNull(listener, "listener"));
        return new OutcomeDispatch(fallback, java.util.Collections.unmodifiableMap(next));
    }

    @Override
    public CompletionStage<Boolean> onOutcome(SmId id, SmOutcome outcome) {
        for (Map.Entry<String, SmOutcomeListener> e : byPrefix.entrySet()) {
            if (id.submitter().startsWith(e.getKey())) {
                return e.getValue().onOutcome(id, outcome);
            }
        }
        return fallback.onOutcome(id, outcome);
    }
}
