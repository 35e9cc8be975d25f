package org.mtcgate.core.config;

import java.util.Locale;

/** The network functions one node can play. */
public enum Role {
    /** MTC-IWF on Tsp (TS 29.368), with the device triggering procedure. */
    MTC_IWF,
    /** SMS Router with MAP Home Network Routing. */
    SMS_ROUTER,
    /** SMS-SC: T4 server, store and forward over MAP, ingress filter. */
    SMS_SC,
    /** HSS on S6m over the embedded subscriber store. */
    HSS,
    /** SCEF on T8 (TS 29.122 device triggering over HTTPS), on the node's MTC-IWF procedure. */
    SCEF,
    /** BSF of GBA (TS 33.220): Ub over HTTPS. */
    BSF;

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Role parse(String text) {
        for (Role r : values()) {
            if (r.configName().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "' (one of mtc-iwf, sms-router, sms-sc, hss, scef, bsf)");
    }
}
