package org.mtcgate.core.node;

import org.mtcgate.core.observe.NodeObserver;

import java.util.function.Consumer;

/** What the operator console may read of a running node: its endpoints, its roles' counters and held triggers. */
public interface NodeView {
    /** The Diameter and SS7 peers, their state and counters. */
    void peers(Consumer<String> out);

    /** Every role's counters. */
    void stats(Consumer<String> out);

    /** Every trigger and SM the roles still hold, with their delivery attempts. */
    void heldTriggers(Consumer<String> out);

    /** What every role holds under an SCS Reference-Number. */
    void triggers(long reference, Consumer<String> out);

    /** Verdict and trigger-state counts, traces. */
    NodeObserver observer();
}
