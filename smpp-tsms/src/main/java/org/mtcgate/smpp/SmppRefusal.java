package org.mtcgate.smpp;

/**
 * Why a PDU is answered with an error: the command_status, a rule id for the audit log and counters, and a
 * reason an operator can read. Thrown while a submission is checked, caught where it is answered.
 */
public final class SmppRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String rule;

    public SmppRefusal(int status, String rule, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.rule = rule;
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}
