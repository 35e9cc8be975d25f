package org.mtcgate.map.router;

import java.time.Duration;
import java.util.Objects;

/**
 * What the SMS Router needs to know about itself and the home network.
 *
 * @param routerGt          the router's E.164 global title: the networkNode-Number of its SRI-for-SM answers (so
 *                          the MT-ForwardSM comes back here) and the calling GT of its own dialogs
 * @param hlrGt             the home HLR's GT for SRI-for-SM, or null to address the HLR by the subscriber's MSISDN
 *                          (E.164 GT = MSISDN), as SMSCs do, and let SCCP route it
 * @param homeMccMnc        home MCC+MNC (5 or 6 digits): MT Correlation IDs look like home IMSIs
 * @param correlationTtl    how long a correlation is kept after the SRI-for-SM answer; an MT-ForwardSM after that
 *                          gets unidentifiedSubscriber and the SMSC asks again
 * @param sameServiceCentre whether the MT-ForwardSM must name (SM-RP-OA) the same service centre that asked the
 *                          SRI-for-SM, so that a correlation ID seen elsewhere cannot be used by another SMSC
 */
public record RouterConfig(String routerGt, String hlrGt, String homeMccMnc, Duration correlationTtl,
                           boolean sameServiceCentre) {
    public RouterConfig {
        if (routerGt == null || !routerGt.matches("[0-9]{1,15}")) {
            throw new IllegalArgumentException("router GT must be 1..15 E.164 digits: " + routerGt);
        }
        if (hlrGt != null && !hlrGt.matches("[0-9]{1,15}")) {
            throw new IllegalArgumentException("HLR GT must be 1..15 E.164 digits: " + hlrGt);
        }
        if (homeMccMnc == null || !homeMccMnc.matches("[0-9]{5,6}")) {
            throw new IllegalArgumentException("home MCC+MNC must be 5 or 6 digits: " + homeMccMnc);
        }
        Objects.requireNonNull(correlationTtl, "correlationTtl");
        if (correlationTtl.isNegative() || correlationTtl.isZero()) {
            throw new IllegalArgumentException("correlation TTL must be positive");
        }
    }

    /** The usual settings: the same service centre required. */
    public static RouterConfig of(String routerGt, String hlrGt, String homeMccMnc, Duration correlationTtl) {
        return new RouterConfig(routerGt, hlrGt, homeMccMnc, correlationTtl, true);
    }
}
