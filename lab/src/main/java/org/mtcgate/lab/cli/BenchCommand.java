package org.mtcgate.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mtcgate bench ...}: measurements that print figures (never timed tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks on this machine.",
        subcommands = {BenchE2eCommand.class, BenchRouterCommand.class, BenchSmscCommand.class, BenchTsmsCommand.class,
                BenchT8Command.class, BenchGbaUaCommand.class, BenchGbaCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
