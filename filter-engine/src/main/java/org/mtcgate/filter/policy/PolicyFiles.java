package org.mtcgate.filter.policy;

import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterStore;
import org.mtcgate.filter.yaml.ConfigException;

import java.nio.file.Path;

/** Loads a policy from a file, resolving its list files beside it: read, compiled, then bound to the limiters. */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    public static CompiledPolicy load(Path policyFile, LimiterStore limiters, TimeSource time) throws ConfigException {
        CompiledPolicy compiled = new PolicyCompiler().compile(new PolicyReader().readFile(policyFile));
        return new PolicyInstaller(limiters, time).bind(compiled);
    }

    /** The policy file read and compiled, with no rate or quota state: enough to check and explain it. */
    public static CompiledPolicy compile(Path policyFile) throws ConfigException {
        return new PolicyCompiler().compile(new PolicyReader().readFile(policyFile));
    }
}
