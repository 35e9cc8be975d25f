package org.mtcgate.core.role;

import org.mtcgate.core.config.RouterSettings;
import org.mtcgate.core.observe.MapEvents;
import org.mtcgate.filter.routing.CorrelationStore;
import org.mtcgate.map.router.RouterConfig;
import org.mtcgate.map.router.SmsRouter;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The SMS Router with MAP Home Network Routing: answers SRI-for-SM with a correlation instead of the IMSI, takes
 * MT-ForwardSM for it, filters it and forwards it to the real serving node.
 */
public final class SmsRouterRole implements NodeRole {
    private final CorrelationStore correlations;
    private final SmsRouter router;

    public SmsRouterRole(RoleContext ctx, RouterSettings r) throws RoleStartException {
        Ss7Endpoint ss7 = ctx.requireSs7(name());
        correlations = ctx.stores().correlations(r.maxCorrelations());
        router = SmsRouter.attach(ss7.stack(), new RouterConfig(r.globalTitle(), r.hlrGt(), r.homeMccMnc(), r.correlationTtl(),
                r.sameServiceCentre()), ctx.filter(), correlations, ctx.clock(),
                new MapEvents(ctx.observer(), ctx.metrics(), "sms-router"));
        // MT-ForwardSM follows SRI-for-SM within seconds; a forgotten correlation only makes the SMSC ask again
        ctx.housekeeping().every(Duration.ofSeconds(5), "expiring router correlations", router::expireCorrelations);
    }

    @Override
    public String name() {
        return "sms-router";
    }

    @Override
    public void stats(Consumer<String> out) {
        var c = router.counters();
        out.accept(String.format("SMS Router: %,d SRI-for-SM, %,d correlations made (%,d held now), %,d HLR errors; "
                        + "%,d MT-ForwardSM, %,d blocked, %,d delivered, %,d refused by the serving node, %,d sent on to the SGSN",
                c.sriReceived(), c.correlationsCreated(), correlations.size(), c.hlrErrors(), c.mtReceived(),
                c.blocked(), c.delivered(), c.deliveryErrors(), c.otherNodeTried()));
        StringBuilder errors = new StringBuilder();
        c.protocolErrors().forEach((e, n) -> {
            if (n > 0) {
                errors.append(' ').append(e.counterName()).append('=').append(n);
            }
        });
        out.accept("  protocol errors:" + (errors.length() == 0 ? " none" : errors));
    }

    @Override
    public void close() {
        router.detach();
    }
}
