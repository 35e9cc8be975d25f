package org.mtcgate.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code mtcgate console hash-password}: the password-hash line for a console user in the node config. */
@Command(name = "console", mixinStandardHelpOptions = true, description = "Operator console tools.",
        subcommands = {ConsoleCommand.HashPassword.class})
final class ConsoleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Read a password (twice, without echo on a terminal) and print its salted PBKDF2 hash for console.users[].password-hash.")
    static final class HashPassword implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return NewPasswordHash.print(spec, "console", n -> n >= 8, "a password needs at least 8 characters");
        }
    }
}
