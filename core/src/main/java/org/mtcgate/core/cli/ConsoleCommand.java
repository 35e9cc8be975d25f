package org.mtcgate.core.cli;

import org.mtcgate.core.console.PasswordHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
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
            char[] first;
            char[] second;
            java.io.Console terminal = System.console();
            if (terminal != null) {
                first = terminal.readPassword("password: ");
                second = terminal.readPassword("again: ");
            } else {
                // Not a terminal (a script): read two lines from standard input.
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String a = in.readLine();
                String b = in.readLine();
                first = a == null ? new char[0] : a.toCharArray();
                second = b == null ? new char[0] : b.toCharArray();
            }
            try {
                if (first == null || first.length < 8) {
                    spec.commandLine().getErr().println("console: a password needs at least 8 characters");
                    return 2;
                }
                if (!Arrays.equals(first, second)) {
                    spec.commandLine().getErr().println("console: the two passwords differ");
                    return 2;
                }
                spec.commandLine().getOut().println(PasswordHash.of(first, PasswordHash.DEFAULT_ITERATIONS, new SecureRandom()).encoded());
                return 0;
            } finally {
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }
    }
}
