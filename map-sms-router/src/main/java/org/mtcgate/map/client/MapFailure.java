package org.mtcgate.map.client;

import java.util.OptionalLong;

/**
 * A {@link MapOutcome} other than a result, as an exception: for the callers (simulators, CLI tools) that work with
 * futures failing rather than with outcomes. It classifies nothing itself.
 */
public final class MapFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient MapOutcome<?> outcome;

    MapFailure(MapOutcome<?> outcome) {
        super(outcome.describe(), null, false, false); // an answer from the network, not a bug: no stack trace
        this.outcome = outcome;
    }

    public MapOutcome<?> outcome() {
        return outcome;
    }

    public MapOutcome.Kind kind() {
        return outcome.kind();
    }

    /** The MAP error code when {@link #kind()} is MAP_ERROR. */
    public OptionalLong errorCode() {
        return outcome.kind() == MapOutcome.Kind.MAP_ERROR ? OptionalLong.of(outcome.errorCode()) : OptionalLong.empty();
    }
}
