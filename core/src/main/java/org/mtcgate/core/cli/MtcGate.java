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
        // After the additions: these settings are copied to the subcommands present when they are made.
        return cli.setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(MtcGate::badArguments)
                .setExecutionExceptionHandler(MtcGate::failed);
    }

    /** A mistake on the command line: one line saying what and where to look, no usage dump, no stack trace. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandName().equals("mtcgate") ? "mtcgate: " + e.getMessage() + " (see mtcgate --help)"
                : "mtcgate " + cmd.getCommandName() + ": " + e.getMessage() + " (see mtcgate " + cmd.getCommandName() + " --help)");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A command that failed in a way it did not explain itself: one line with the cause; the stack trace only with
     * MTCGATE_DEBUG set, for a bug report.
     */
    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        cmd.getErr().println("mtcgate " + cmd.getCommandName() + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        if (System.getenv("MTCGATE_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }
}
