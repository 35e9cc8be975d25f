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

/** {@code mtcgate smpp hash-password}: the password-hash line for an SME in the node config's {@code tsms.smes}. */
@Command(name = "smpp", mixinStandardHelpOptions = true, description = "Tsms (SMPP server for SMEs) tools.",
        subcommands = {SmppCommand.HashPassword.class})
final class SmppCommand implements Runnable {
    /** SMPP 3.4 5.2.3: password is a C-Octet String of at most 9 octets, so 8 characters. */
    static final int MAX_PASSWORD = 8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Read an SME's bind password (twice, without echo on a terminal; at most 8 characters, as SMPP "
                    + "allows) and print its salted PBKDF2 hash for tsms.smes[].password-hash.")
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
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String a = in.readLine();
                String b = in.readLine();
                first = a == null ? new char[0] : a.toCharArray();
                second = b == null ? new char[0] : b.toCharArray();
            }
            try {
                if (first == null || first.length == 0 || first.length > MAX_PASSWORD) {
                    spec.commandLine().getErr().println("smpp: an SMPP password has 1 to " + MAX_PASSWORD + " characters");
                    return 2;
                }
                if (!Arrays.equals(first, second)) {
                    spec.commandLine().getErr().println("smpp: the two passwords differ");
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
