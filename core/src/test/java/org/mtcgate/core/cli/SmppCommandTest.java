package org.mtcgate.core.cli;

import org.junit.jupiter.api.Test;
import org.mtcgate.core.console.PasswordHash;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mtcgate smpp hash-password} and {@code console hash-password} read from standard input, as a script would run them. */
class SmppCommandTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(String input) {
        return run("smpp", input);
    }

    private static Run run(String tool, String input) {
        InputStream before = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = MtcGate.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int status = cli.execute(tool, "hash-password");
            return new Run(status, out.toString().trim(), err.toString().trim());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void printsAHashTheTsmsConfigReads() {
        Run r = run("sme-pw\nsme-pw\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("pbkdf2-sha256$600000$"), r.out());
        PasswordHash hash = PasswordHash.parse(r.out());
        assertTrue(hash.matches("sme-pw".toCharArray()));
        assertFalse(hash.matches("sme-px".toCharArray()));
    }

    @Test
    void refusesWhatSmppCannotCarryAndMismatches() {
        Run tooLong = run("longer-pw\nlonger-pw\n");
        assertEquals(2, tooLong.status());
        assertTrue(tooLong.err().contains("1 to 8 characters"), tooLong.err());
        assertEquals(2, run("sme-pw\nsme-px\n").status());
    }

    @Test
    void theConsoleCommandHashesLongPasswordsAndRefusesShortOnes() {
        Run r = run("console", "operator-secret\noperator-secret\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(PasswordHash.parse(r.out()).matches("operator-secret".toCharArray()));
        Run shortOne = run("console", "short\nshort\n");
        assertEquals(2, shortOne.status());
        assertEquals("console: a password needs at least 8 characters", shortOne.err());
        Run differ = run("console", "operator-secret\noperator-secreT\n");
        assertEquals(2, differ.status());
        assertEquals("console: the two passwords differ", differ.err());
    }
}
