package org.mtcgate.core.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mtcgate} command line: one entry point for the node and, when the lab jar is on the class path, its
 * lab tools (found through {@link SubcommandProvider}).
 */
@Command(name = "mtcgate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "MTC security gateway (3GPP TS 33.187): MTC-IWF on Tsp, SMS Router with Home Network Routing, SMS-SC filter.",
        subcommands = {NodeCommand.class, PolicyCommand.class, ConsoleCommand.class, SmppCommand.class})
public final class MtcGate implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        int status = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(status);
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MtcGate());
        for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
            provider.subcommands().forEach(cli::addSubcommand);
        }
        // After the additions: the setting is copied to the subcommands present when it is made.
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }
}
