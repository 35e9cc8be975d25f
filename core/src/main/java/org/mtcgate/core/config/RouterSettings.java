package org.mtcgate.core.config;

import java.time.Duration;

/**
 * The SMS Router role (MAP Home Network Routing, TS 23.040 3.2.7a; TS 33.187 6.1).
 *
 * @param globalTitle       the router's GT: the serving node its SRI-for-SM answers name, so MT-ForwardSM comes here
 * @param hlrGt             the home HLR's GT, or null to address the HLR by the subscriber's MSISDN and let SCCP route it
 * @param homeMccMnc        the home network's MCC+MNC: MT Correlation IDs are shaped like its IMSIs
 * @param correlationTtl    how long an SRI-for-SM answer stays valid for the MT-ForwardSM that follows
 * @param maxCorrelations   bound on correlations held at once; beyond it SRI-for-SM gets systemFailure
 * @param sameServiceCentre the MT-ForwardSM must come from the service centre that asked SRI-for-SM
 */
public record RouterSettings(String globalTitle, String hlrGt, String homeMccMnc, Duration correlationTtl,
                             int maxCorrelations, boolean sameServiceCentre) {
}
