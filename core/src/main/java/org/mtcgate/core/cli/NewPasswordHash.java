package org.mtcgate.core.cli;

import org.mtcgate.core.console.PasswordHash;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * What every {@code hash-password} command does: read a new password twice (without echo on a terminal; from a
 * script, two lines of standard input), check its length, print its salted PBKDF2 hash, and wipe what was typed.
 */
final class NewPasswordHash {
    private NewPasswordHash() {
    }

    /**
     * @param tool       the command's name, leading its error lines
     * @param lengthOk   whether a password of that many characters is allowed
     * @param lengthRule the error line when it is not
     * @return the exit status: 0 printed, 2 refused
     */
    static int print(CommandLine.Model.CommandSpec spec, String tool, IntPredicate lengthOk, String lengthRule) throws IOException {
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
            if (first == null || !lengthOk.test(first.length)) {
                spec.commandLine().getErr().println(tool + ": " + lengthRule);
                return 2;
            }
            if (!Arrays.equals(first, second)) {
                spec.commandLine().getErr().println(tool + ": the two passwords differ");
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
