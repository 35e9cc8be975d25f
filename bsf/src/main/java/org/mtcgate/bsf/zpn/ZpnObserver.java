package org.mtcgate.bsf.zpn;

/**
 * Every Zpn request and what became of it, for the audit log and the counters: who asked (the authenticated NAF), for
 * which UE and NAF FQDN, and the outcome. Never carries a key or the GPI.
 */
@FunctionalInterface
public interface ZpnObserver {
    /**
     * @param naf     the Push-NAF's authenticated Diameter identity
     * @param ueId    the UE-Id asked for, or null when it could not be read
     * @param nafFqdn the NAF FQDN of the NAF-Id, or null when it could not be read
     * @param outcome "served", or the refusal's rule (push-not-authorised, ue-unknown, invalid-avp, ...)
     * @param code    the Result-Code or Experimental-Result-Code answered
     * @param reason  why, for an operator (empty when served)
     */
    void answered(String naf, String ueId, String nafFqdn, String outcome, long code, String reason);

    ZpnObserver NONE = (naf, ueId, nafFqdn, outcome, code, reason) -> { };
}
