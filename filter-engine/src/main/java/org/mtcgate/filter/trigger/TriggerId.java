package org.mtcgate.filter.trigger;

import java.util.Objects;

/**
 * A trigger's name: the SCS that sent it and the Reference-Number it chose (TS 29.368: unique per SCS, reused
 * in every message about the same trigger).
 */
public record TriggerId(String scsIdentity, long referenceNumber) {
    public TriggerId {
        Objects.requireNonNull(scsIdentity, "scsIdentity");
        if (referenceNumber < 0 || referenceNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Reference-Number " + referenceNumber + " is not an Unsigned32");
        }
    }

    @Override
    public String toString() {
        return scsIdentity + "#" + referenceNumber;
    }
}
