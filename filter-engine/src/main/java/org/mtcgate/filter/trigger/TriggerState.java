package org.mtcgate.filter.trigger;

/** Where an accepted trigger stands. */
public enum TriggerState {
    /** Stored durably, not yet taken by the SMS-SC. */
    ACCEPTED(false),
    /** Taken by the SMS-SC, waiting for a delivery report. */
    SUBMITTED(false),
    DELIVERED(true),
    EXPIRED(true),
    UNDELIVERABLE(true),
    RECALLED(true),
    REPLACED(true);

    private final boolean finished;

    TriggerState(boolean finished) {
        this.finished = finished;
    }

    /** Whether nothing more will happen to it. */
    public boolean finished() {
        return finished;
    }
}
