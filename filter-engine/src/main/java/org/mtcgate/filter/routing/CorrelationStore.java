package org.mtcgate.filter.routing;

import java.time.Instant;
import java.util.Optional;

/** Port: the SMS Router's correlations, each kept until it expires. Narrow so a clustered store can serve it. */
public interface CorrelationStore {
    /** Keeps the correlation; false when the store is full and the SRI-for-SM must be refused. */
    boolean put(Correlation correlation);

    /** The live correlation with this ID; expired ones are not returned. */
    Optional<Correlation> find(CorrelationId id, Instant now);

    /** Drops expired correlations; returns how many. */
    int expire(Instant now);

    int size();

    /**
     * Whether a correlation could be kept now. Asked before the HLR is, so that a full store does not turn every
     * SRI-for-SM into an HLR query whose answer is thrown away; a put may still fail in a race.
     */
    default boolean hasRoom() {
        return true;
    }
}
