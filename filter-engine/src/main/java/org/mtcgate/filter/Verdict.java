package org.mtcgate.filter;

import java.util.Objects;

/**
 * The filter's answer for one item: the decision, the rule that made it, a reason an operator can read, and
 * the Tsp Request-Status it maps to. Verdicts are made once when a policy is compiled and shared, so that
 * deciding allocates nothing.
 */
public final class Verdict {
    private final Decision decision;
    private final String ruleId;
    private final String reason;
    private final RequestStatus requestStatus;

    public Verdict(Decision decision, String ruleId, String reason, RequestStatus requestStatus) {
        this.decision = Objects.requireNonNull(decision, "decision");
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.requestStatus = Objects.requireNonNull(requestStatus, "requestStatus");
        if ((decision == Decision.ALLOW) != (requestStatus == RequestStatus.SUCCESS)) {
            throw new IllegalArgumentException("an ALLOW maps to SUCCESS and a BLOCK to a refusal, not " + requestStatus);
        }
    }

    public static Verdict allow(String ruleId, String reason) {
        return new Verdict(Decision.ALLOW, ruleId, reason, RequestStatus.SUCCESS);
    }

    public static Verdict block(String ruleId, String reason, RequestStatus status) {
        return new Verdict(Decision.BLOCK, ruleId, reason, status);
    }

    public Decision decision() {
        return decision;
    }

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }

    public String ruleId() {
        return ruleId;
    }

    public String reason() {
        return reason;
    }

    public RequestStatus requestStatus() {
        return requestStatus;
    }

    @Override
    public String toString() {
        return decision + " by " + ruleId + " (" + requestStatus + "): " + reason;
    }
}
