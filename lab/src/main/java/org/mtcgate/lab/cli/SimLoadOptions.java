package org.mtcgate.lab.cli;

import picocli.CommandLine.Option;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/** How many SMs a sending simulator (smsc, ue) sends, how fast, and what counts as success. */
final class SimLoadOptions {
    @Option(names = "--count", defaultValue = "1", description = "SMs to send (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--rate", defaultValue = "0", description = "SMs per second, 0 = as fast as --in-flight allows")
    double rate;

    @Option(names = "--in-flight", defaultValue = "1", description = "SMs in flight at once (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--expect-error", description = "succeed only if every SM is refused with this MAP error code (e.g. 21)")
    Long expectError;

    @Option(names = "--quiet", description = "print the summary only")
    boolean quiet;

    /**
     * Sends {@link #count} SMs with {@code send} (see {@link SimLoad#run}), prints {@code who}'s summary of them,
     * counted as {@code what}, and gives the process exit status.
     */
    int send(IntFunction<CompletableFuture<String>> send, SimLines out, String who, String what)
            throws InterruptedException {
        SimLoad.Result r = SimLoad.run(count, inFlight, rate, send, out, quiet);
        out.line(who + ": " + r.summary(what));
        return SimLoad.status(r, expectError);
    }
}
