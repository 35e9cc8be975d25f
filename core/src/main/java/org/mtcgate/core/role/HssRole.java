package org.mtcgate.core.role;

import org.mtcgate.core.store.AkaStore;
import org.mtcgate.core.store.StoreException;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.s6m.HssS6mApplication;
import org.mtcgate.diameter.zh.HssZhApplication;
import org.mtcgate.filter.trigger.SubscriberDirectory;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.HomeAuthentication;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The HSS: answers S6m Subscriber-Information requests from the node's subscriber data, and Zh Multimedia-Auth
 * requests from BSFs when the subscriber data gives any subscriber AKA credentials (SEQ_HE in {@code data/hss-sqn}).
 */
public final class HssRole implements NodeRole {
    /** Where SEQ_HE is kept, under the data directory. */
    static final String SQN_STORE = "hss-sqn";

    private final Optional<AkaStore> aka;
    private final Optional<HomeAuthentication> home;

    public HssRole(RoleContext ctx) throws RoleStartException {
        SubscriberDirectory subscribers = ctx.stores().subscribers()
                .orElseThrow(() -> new RoleStartException("the hss role needs 'subscribers': the subscriber file it serves"));
        DiameterNode diameter = ctx.requireDiameter(name()).node();
        diameter.registerHandler(ApplicationIds.S6M, new HssS6mApplication(subscribers));
        try {
            aka = ctx.stores().akaSubscribers(SQN_STORE);
        } catch (StoreException e) {
            throw new RoleStartException("hss: " + e.getMessage(), e);
        }
        home = aka.map(store -> new HomeAuthentication(store, new AuthenticationCentre(new SecureRandom()), Amf.UMTS));
        home.ifPresent(h -> diameter.registerHandler(ApplicationIds.ZH, new HssZhApplication(h)));
    }

    /** The AKA procedure behind Zh, for a BSF in the same node; empty when no subscriber has credentials. */
    public Optional<HomeAuthentication> homeAuthentication() {
        return home;
    }

    @Override
    public String name() {
        return "hss";
    }

    @Override
    public void close() {
        // the Diameter endpoint is the node's and closes with it (DPR first, so no MAR is still being answered)
        aka.ifPresent(AkaStore::close);
    }
}
