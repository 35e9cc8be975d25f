package org.mtcgate.lab.cli;

import org.mtcgate.lab.pki.LabPki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mtcgate certs issue}: a lab CA and certificates for Diameter identities, without openssl. */
@Command(name = "certs", mixinStandardHelpOptions = true, description = "Lab PKI for Tsp mutual TLS.",
        subcommands = {CertsCommand.Issue.class})
final class CertsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Make the lab CA in DIR if there is none, then a certificate and key for each IDENTITY that has none.")
    static final class Issue implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", defaultValue = "${sys:mtcgate.home:-.}/data/pki", description = "the PKI folder (default ${DEFAULT-VALUE})")
        Path dir;

        @Parameters(arity = "1..*", paramLabel = "IDENTITY", description = "Diameter identities (host names)")
        List<String> identities;

        @Override
        public Integer call() throws Exception {
            List<Path> made;
            try {
                made = new LabPki(dir).ensure(identities);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("certs: " + e.getMessage());
                return 2;
            }
            for (Path p : made) {
                spec.commandLine().getOut().println("made " + p);
            }
            if (made.isEmpty()) {
                spec.commandLine().getOut().println("nothing to make: " + dir + " has the CA and every certificate");
            }
            return 0;
        }
    }
}
