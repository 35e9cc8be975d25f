package org.mtcgate.filter.policy;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterStore;

import java.util.HashSet;
import java.util.Set;

/**
 * The one place where a policy meets rate and quota state: only an accepted (compiled) policy gets here, so a
 * refused one never touches a limiter. A sender keeps its bucket and quota count when its limit is unchanged, so a
 * reload hands nobody a fresh burst; the state of senders the policy dropped is forgotten once it is in force.
 */
public final class PolicyInstaller {
    private final LimiterStore limiters;
    private final TimeSource time;

    public PolicyInstaller(LimiterStore limiters, TimeSource time) {
        this.limiters = limiters;
        this.time = time;
    }

    /** The accepted policy with its senders' rate and quota state, ready to be put in force. */
    public CompiledPolicy bind(CompiledPolicy accepted) {
        return accepted.withLimits(SenderLimits.bind(accepted.senders(), limiters, time.nanoTime()));
    }

    /** Binds the accepted policy, puts it in force and forgets the limiters of senders it dropped. */
    public synchronized CompiledPolicy install(CompiledPolicy accepted, FilterEngine engine) {
        CompiledPolicy bound = bind(accepted);
        engine.install(bound);
        retainLimitersOf(bound);
        return bound;
    }

    /** After a policy is put in force, forgets the limiters of senders it dropped. */
    public void retainLimitersOf(CompiledPolicy inForce) {
        Set<String> ids = new HashSet<>();
        inForce.senders().forEach(s -> ids.add(s.id()));
        limiters.retainOnly(ids);
    }
}
