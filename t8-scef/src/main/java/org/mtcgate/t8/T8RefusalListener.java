package org.mtcgate.t8;

/** Port: every refusal of T8's security checks, for the node's audit log (one line each, with its rule). */
public interface T8RefusalListener {
    T8RefusalListener NONE = (who, rule, reason) -> { };

    /**
     * @param who    the authenticated SCS/AS, else the certificate subject, else the remote address
     * @param rule   e.g. {@code t8-invalid-token}
     * @param reason what was wrong, for an operator
     */
    void refused(String who, String rule, String reason);
}
