package org.mtcgate.core.role;

import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.s6m.HssS6mApplication;
import org.mtcgate.filter.trigger.SubscriberDirectory;

/** The HSS: answers S6m Subscriber-Information requests from the node's subscriber data. */
public final class HssRole implements NodeRole {
    public HssRole(RoleContext ctx) throws RoleStartException {
        SubscriberDirectory subscribers = ctx.stores().subscribers()
                .orElseThrow(() -> new RoleStartException("the hss role needs 'subscribers': the subscriber file it serves"));
        ctx.requireDiameter(name()).node().registerHandler(ApplicationIds.S6M, new HssS6mApplication(subscribers));
    }

    @Override
    public String name() {
        return "hss";
    }

    @Override
    public void close() {
        // the Diameter endpoint is the node's and closes with it
    }
}
