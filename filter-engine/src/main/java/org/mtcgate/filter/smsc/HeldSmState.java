package org.mtcgate.filter.smsc;

/** Where an SM held by the SMS-SC stands. */
public enum HeldSmState {
    /** Stored, being delivered or waiting for the next attempt. */
    HELD(false),
    DELIVERED(true),
    EXPIRED(true),
    UNDELIVERABLE(true),
    RECALLED(true),
    REPLACED(true);

    private final boolean finished;

    HeldSmState(boolean finished) {
        this.finished = finished;
    }

    /** Whether nothing more will happen to it. */
    public boolean finished() {
        return finished;
    }
}
