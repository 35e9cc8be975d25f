package org.mtcgate.core.role;

import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.core.observe.NodeObserver;
import org.mtcgate.core.store.NodeStores;
import org.mtcgate.filter.FilterEngine;

import java.time.Clock;
import java.util.Optional;

/**
 * What every role is built from: the node's shared parts. Roles reach each other only through the ports the
 * node hands them, never through this context.
 *
 * @param filter       the one filter engine every inbound SM and trigger passes
 * @param observer     verdicts, trigger states and refusals to the audit log, metrics and console traces
 * @param stores       where roles keep their state
 * @param housekeeping the roles' periodic chores
 * @param diameter     the node's Diameter endpoint, when configured (not started yet while roles are built)
 * @param ss7          the node's signalling point, when configured (not connected yet while roles are built)
 * @param revealImsi   whether the console may show IMSIs in full (else masked to MCC+MNC)
 */
public record RoleContext(Clock clock, FilterEngine filter, NodeObserver observer, NodeMetrics metrics, NodeStores stores,
                          Housekeeping housekeeping, Optional<DiameterEndpoint> diameter, Optional<Ss7Endpoint> ss7,
                          boolean revealImsi) {

    /** The Diameter endpoint a role cannot do without. */
    public DiameterEndpoint requireDiameter(String role) throws RoleStartException {
        return diameter.orElseThrow(() -> new RoleStartException("the " + role + " role needs a 'diameter' section"));
    }

    /** The signalling point a role cannot do without. */
    public Ss7Endpoint requireSs7(String role) throws RoleStartException {
        return ss7.orElseThrow(() -> new RoleStartException("the " + role + " role needs an 'ss7' section"));
    }
}
