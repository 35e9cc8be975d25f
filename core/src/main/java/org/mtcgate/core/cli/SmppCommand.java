package org.mtcgate.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
            return NewPasswordHash.print(spec, "smpp", n -> n >= 1 && n <= MAX_PASSWORD,
                    "an SMPP password has 1 to " + MAX_PASSWORD + " characters");
        }
    }
}
