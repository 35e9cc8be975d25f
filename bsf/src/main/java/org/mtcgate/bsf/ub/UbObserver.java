package org.mtcgate.bsf.ub;

/**
 * Ub's refusals worth an audit record: a client over a flood limit or the BSF at its bound (once per episode, not
 * once per request, so that a flood does not flood the audit), and failed authentications. Never carries RES or a key.
 */
@FunctionalInterface
public interface UbObserver {
    /**
     * @param source the client's address
     * @param impi   the IMPI it named, or null when the request was refused before it was read
     * @param rule   ub-rate-source, ub-rate-impi, ub-busy, ub-auth-failed
     * @param reason for an operator
     */
    void refused(String source, String impi, String rule, String reason);

    UbObserver NONE = (source, impi, rule, reason) -> { };
}
