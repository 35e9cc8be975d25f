package org.mtcgate.bsf.zn;

/**
 * Every Zn request and what became of it, for the audit log and the counters: who asked (the authenticated NAF),
 * for which B-TID and NAF FQDN, and the outcome. Never carries a key.
 */
@FunctionalInterface
public interface ZnObserver {
    /**
     * @param naf     the NAF's authenticated Diameter identity
     * @param btid    the B-TID asked for, or null when it could not be read
     * @param nafFqdn the NAF FQDN of the NAF-Id, or null when it could not be read
     * @param outcome "served", or the refusal's rule (naf-not-authorised, btid-unknown, invalid-avp, ...)
     * @param code    the Result-Code or Experimental-Result-Code answered
     * @param reason  why, for an operator (empty when served)
     */
    void answered(String naf, String btid, String nafFqdn, String outcome, long code, String reason);

    ZnObserver NONE = (naf, btid, nafFqdn, outcome, code, reason) -> { };
}
