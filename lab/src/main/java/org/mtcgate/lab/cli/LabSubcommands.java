package org.mtcgate.lab.cli;

import java.util.List;
import org.mtcgate.core.cli.SubcommandProvider;

/** The lab's {@code mtcgate} subcommands: lab PKI, an SCS client, MAP peer simulators and benchmarks. */
public final class LabSubcommands implements SubcommandProvider {
    @Override
    public List<Object> subcommands() {
        return List.of(new CertsCommand(), new ScsCommand(), new SimCommand(), new BenchCommand());
    }
}
