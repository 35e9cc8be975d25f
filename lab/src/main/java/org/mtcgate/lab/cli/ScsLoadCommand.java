package org.mtcgate.lab.cli;

import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code mtcgate scs load}: keeps N Device-Action requests in flight for a while and prints DAR→DAA rate and
 * latency percentiles. Bounded by time and count; stops by itself.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Send triggers with N in flight; print rate and DAR->DAA latency percentiles.")
final class ScsLoadCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ScsOptions scs;

    @Option(names = "--in-flight", defaultValue = "32", description = "requests in flight (default ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--rate", defaultValue = "0",
            description = "offered requests per second, latency counted from when each was due; 0 = as fast as the window allows")
    int rate;

    @Option(names = "--seconds", defaultValue = "10", description = "how long to run (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--max", defaultValue = "10000000", description = "stop after this many requests (default ${DEFAULT-VALUE})")
    long max;

    @Option(names = "--ext-id", defaultValue = "meter-%d@meters.example.com",
            description = "External-Identifier pattern, %%d numbered 1..--ues (default ${DEFAULT-VALUE})")
    String extIdPattern;

    @Option(names = "--ues", defaultValue = "1", description = "how many UEs to spread triggers over (default ${DEFAULT-VALUE})")
    int ues;

    @Option(names = "--first-ref", defaultValue = "1", description = "first Reference-Number (default ${DEFAULT-VALUE})")
    long firstRef;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (inFlight < 1 || inFlight > 10_000 || seconds < 1 || seconds > 3600 || ues < 1 || rate < 0) {
            spec.commandLine().getErr().println("scs load: --in-flight 1..10000, --seconds 1..3600, --ues >= 1, --rate >= 0");
            return 2;
        }
        String problem = scs.problem();
        if (problem != null) {
            spec.commandLine().getErr().println("scs load: " + problem);
            return 2;
        }
        byte[] payload = "load".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TspConnection connection = new TspConnection(scs);
        try (ScsClient client = ScsClient.start(scs.config(), ScsOptions.realmOf(scs.mtcIwfHost), r -> { }, connection::failed)) {
            String failure = connection.await(client);
            if (failure != null) {
                spec.commandLine().getErr().println("scs load: no Tsp connection to " + scs.mtcIwfHost + " at " + scs.mtcIwf + ": "
                        + failure);
                return 3;
            }
            TspLoad.Result result = TspLoad.run(client, inFlight, rate, Duration.ofSeconds(seconds), max, n -> {
                long ref = (firstRef + n) & 0xFFFF_FFFFL;
                return new DeviceActionRequest(scs.identity, null, ActionType.DEVICE_TRIGGER_REQUEST, ref, null,
                        UeName.of(ExternalId.of(String.format(extIdPattern, 1 + (ref % ues)))), payload, 9200, false,
                        Duration.ofMinutes(10));
            }, out);
            out.println();
            result.print(out, inFlight);
        }
        return 0;
    }
}
