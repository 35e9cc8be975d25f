package org.mtcgate.core.role;

import java.util.function.Consumer;

/**
 * One network function of the node (MTC-IWF, SMS-SC, SMS Router, HSS, ...), assembled from a {@link RoleContext}
 * by its constructor: it registers its handlers on the endpoints and its chores with the housekeeping, and opens
 * its stores. The node starts the endpoints only after every role is assembled, then calls {@link #started()};
 * it closes the roles in the reverse order of their assembly.
 */
public interface NodeRole extends AutoCloseable {
    /** The role's name as the config's {@code roles} list spells it. */
    String name();

    /** Every endpoint is up: resume work held over a restart. */
    default void started() {
    }

    /** Lines for the console's {@code show stats}: the role's counters now. */
    default void stats(Consumer<String> out) {
    }

    /** Lines for the console's {@code show triggers held}: every trigger or SM the role still holds, with its attempts. */
    default void heldTriggers(Consumer<String> out) {
    }

    /** Lines for the console's {@code show trigger}: what the role holds under an SCS Reference-Number. */
    default void triggers(long reference, Consumer<String> out) {
    }

    @Override
    void close();
}
