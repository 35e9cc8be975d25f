package org.mtcgate.filter.policy;

import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterStore;
import org.mtcgate.filter.yaml.ConfigException;

/**
 * Reads, compiles and binds a policy in one call, for tools and tests that build a {@link org.mtcgate.filter.FilterEngine}
 * straight from YAML text. A node installs policies through {@link PolicyInstaller} instead, which binds rate and
 * quota state only once a policy is accepted.
 */
public final class PolicyLoader {
    private final PolicyReader reader = new PolicyReader();
    private final PolicyCompiler compiler = new PolicyCompiler();
    private final PolicyInstaller installer;

    public PolicyLoader(LimiterStore limiters, TimeSource time) {
        this.installer = new PolicyInstaller(limiters, time);
    }

    /** The policy text, read and compiled, with its senders' state bound; {@code lists} opens the number-list files it names. */
    public CompiledPolicy load(String source, String text, ListSource lists) throws ConfigException {
        // Binding comes after reading and compiling, so that a refused text touches no limiter.
        return installer.bind(compiler.compile(reader.read(source, text, lists)));
    }

    /** After a policy is installed, forget the limiters of senders it dropped. */
    public void retainLimitersOf(CompiledPolicy policy) {
        installer.retainLimitersOf(policy);
    }
}
