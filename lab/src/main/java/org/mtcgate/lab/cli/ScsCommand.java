package org.mtcgate.lab.cli;

import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.tsp.DeviceActionAnswer;
import org.mtcgate.diameter.tsp.ScsClient;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.UeName;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code mtcgate scs ...}: act as an SCS on Tsp against any MTC-IWF, for labs and load. */
@Command(name = "scs", mixinStandardHelpOptions = true, description = "An SCS on Tsp: send device triggers, measure load.",
        subcommands = {ScsCommand.Trigger.class, ScsLoadCommand.class, ScsNafCommand.class})
final class ScsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exactly one way to name the UE. */
    static final class Target {
        @Option(names = "--ext-id", description = "External-Identifier of the UE (local@domain)")
        String externalId;

        @Option(names = "--msisdn", description = "MSISDN of the UE")
        String msisdn;

        UeName ue() {
            return new UeName(externalId == null ? null : ExternalId.of(externalId), msisdn == null ? null : Msisdn.of(msisdn));
        }
    }

    @Command(name = "trigger", mixinStandardHelpOptions = true,
            description = "Send one Device-Action (trigger, recall or replace) and print the answer, and the delivery report if asked.")
    static final class Trigger implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ScsOptions scs;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Target target;

        @Option(names = "--payload", description = "trigger payload as text")
        String payload;

        @Option(names = "--payload-hex", description = "trigger payload as hex octets")
        String payloadHex;

        @Option(names = "--port", defaultValue = "-1", description = "Application-Port-Identifier")
        int port;

        @Option(names = "--ref", description = "Reference-Number (default: random)")
        Long reference;

        @Option(names = "--action", defaultValue = "trigger", description = "trigger, recall or replace (default ${DEFAULT-VALUE})")
        String action;

        @Option(names = "--old-ref", description = "Old-Reference-Number, for recall and replace")
        Long oldReference;

        @Option(names = "--priority", description = "Priority-Indication: priority")
        boolean priority;

        @Option(names = "--validity", description = "Validity-Time in seconds")
        Long validity;

        @Option(names = "--wait-report", defaultValue = "0",
                description = "seconds to wait for the Device-Notification with the delivery outcome (default: do not wait)")
        int waitReport;

        @Mixin
        GbaPushOptions push;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ActionType type = switch (action) {
                case "trigger" -> ActionType.DEVICE_TRIGGER_REQUEST;
                case "recall" -> ActionType.DEVICE_TRIGGER_RECALL;
                case "replace" -> ActionType.DEVICE_TRIGGER_REPLACE;
                default -> null;
            };
            if (type == null) {
                err.println("scs: --action must be trigger, recall or replace");
                return 2;
            }
            String problem = scs.problem();
            if (problem == null) {
                problem = push.problem(scs);
            }
            if (problem != null) {
                err.println("scs: " + problem);
                return 2;
            }
            DeviceActionRequest request;
            byte[] data;
            long ref = reference != null ? reference : new SecureRandom().nextInt() & 0xFFFF_FFFFL;
            try {
                data = payloadHex != null ? HexFormat.of().parseHex(payloadHex)
                        : payload != null ? payload.getBytes(StandardCharsets.UTF_8) : new byte[0];
                // Built before anything is opened, so that a bad argument is one line; rebuilt below when GBA Push
                // replaces the payload.
                request = new DeviceActionRequest(scs.identity, null, type, ref, oldReference, target.ue(), data, port,
                        priority, validity == null ? null : Duration.ofSeconds(validity));
            } catch (IllegalArgumentException e) {
                err.println("scs: " + e.getMessage());
                return 2;
            }
            LinkedBlockingQueue<ScsClient.DeliveryReport> reports = new LinkedBlockingQueue<>();
            TspConnection connection = new TspConnection(scs);
            boolean sharedPeer = push.enabled && push.sharesPeer(scs);
            try (ScsClient client = ScsClient.start(scs.config(), ScsOptions.realmOf(scs.mtcIwfHost), reports::add,
                    connection::failed, sharedPeer ? new long[] {ApplicationIds.ZPN} : new long[0])) {
                String failure = connection.await(client);
                if (failure != null) {
                    err.println("scs: no Tsp connection to " + scs.mtcIwfHost + " at " + scs.mtcIwf + ": " + failure);
                    return 3;
                }
                if (push.enabled) {
                    Optional<byte[]> protectedPayload = push.protect(scs, sharedPeer ? client.node() : null, data, out, err);
                    if (protectedPayload.isEmpty()) {
                        return 1;
                    }
                    try {
                        request = new DeviceActionRequest(scs.identity, null, type, ref, oldReference, target.ue(),
                                protectedPayload.get(), port, priority, validity == null ? null : Duration.ofSeconds(validity));
                    } catch (IllegalArgumentException e) {
                        err.println("scs: the protected trigger: " + e.getMessage());
                        return 2;
                    }
                }
                DeviceActionAnswer daa;
                try {
                    daa = client.send(request).get(scs.timeoutSeconds, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    err.println("scs: timeout: no DAA from " + scs.mtcIwfHost + " within " + scs.timeoutSeconds + " s");
                    return 3;
                } catch (java.util.concurrent.ExecutionException e) {
                    err.println("scs: the DAR was not answered: " + e.getCause().getMessage());
                    return 3;
                }
                String status = daa.requestStatus() < 0 ? "none" : RequestStatus.ofCode((int) daa.requestStatus()) + " (" + daa.requestStatus() + ")";
                out.println("DAA Reference-Number " + ref + ": Result-Code " + daa.resultCode() + ", Request-Status " + status);
                if (waitReport > 0 && daa.requestStatus() == 0) {
                    ScsClient.DeliveryReport report;
                    do {
                        report = reports.poll(waitReport, TimeUnit.SECONDS);
                    } while (report != null && report.referenceNumber() != ref);
                    out.println(report == null ? "no delivery report within " + waitReport + " s"
                            : "DNR Reference-Number " + ref + ": Delivery-Outcome " + report.outcome());
                }
                return daa.resultCode() == 2001 && daa.requestStatus() == 0 ? 0 : 1;
            }
        }
    }
}
