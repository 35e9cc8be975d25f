package org.mtcgate.lab.cli;

import org.mtcgate.filter.smsc.ServingNode;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.core.store.SubscriberFile;
import org.mtcgate.filter.trigger.Subscriber;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.UnansweredDialogGuard;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mtcgate sim hlr}: an HLR answering SRI-for-SM from the subscriber file or the command line. */
@Command(name = "hlr", mixinStandardHelpOptions = true,
        description = "An HLR answering SRI-for-SM: IMSI and first serving node of each subscriber, unknownSubscriber "
                + "for others, absentSubscriberSM for subscribers without a serving node. Runs until Ctrl-C.")
final class SimHlrCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SimStackOptions stack;

    @Option(names = "--subscribers", description = "subscriber file (default config/subscribers.yaml unless --subscriber is given)")
    Path subscriberFile;

    @Option(names = "--subscriber", paramLabel = "MSISDN:IMSI[:MSC[:SGSN]]",
            description = "a subscriber with its serving MSC and SGSN (either may be empty); with neither it is absent (repeatable)")
    List<String> subscribers = List.of();

    @Option(names = "--alert-after", paramLabel = "SECONDS", defaultValue = "-1",
            description = "after a ReportSM-DeliveryStatus saying a UE is absent, send AlertServiceCentre to that "
                    + "service centre this many seconds later, as if the UE had come back (default: never)")
    long alertAfterSeconds;

    @Override
    public Integer call() throws Exception {
        SimLines out = new SimLines(spec.commandLine().getOut());
        Ss7StackConfig config = stack.config(AssociationRole.CLIENT, "sim-hlr", 3, "491720000006",
                List.of(Ss7StackConfig.SSN_HLR),
                List.of(Ss7StackConfig.SSN_MSC));
        Ss7Stack s = Ss7Stack.assemble(config);
        try {
            HlrPeer hlr = new HlrPeer(s, (msisdn, outcome) -> out.line("HLR: SRI-SM for " + msisdn + ": " + outcome));
            int provisioned = provision(hlr, out);
            if (alertAfterSeconds >= 0) {
                java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "sim-hlr-alerts");
                    t.setDaemon(true);
                    return t;
                });
                hlr.onReport(report -> {
                    out.line("HLR: ReportSM-DeliveryStatus for " + report.msisdn() + " from SC " + report.serviceCentre()
                            + ": " + report.outcome());
                    if (report.msisdn() != null && report.serviceCentre() != null
                            && report.outcome() != org.mobicents.protocols.ss7.map.api.service.sms.SMDeliveryOutcome.successfulTransfer) {
                        timer.schedule(() -> hlr.alertServiceCentre(report.msisdn(), report.serviceCentre())
                                .thenAccept(o -> out.line("HLR: AlertServiceCentre for " + report.msisdn() + " to "
                                        + report.serviceCentre() + ": " + o.describe())),
                                alertAfterSeconds, java.util.concurrent.TimeUnit.SECONDS);
                    }
                });
            }
            UnansweredDialogGuard.attach(s);
            s.connect();
            out.line("HLR " + config.localGlobalTitle() + " (PC " + config.localPointCode() + "), " + provisioned
                    + " subscribers: " + config.peers().get(0).role() + " " + stack.local + " <-> " + stack.remote
                    + "; Ctrl-C stops");
            s.active().thenRun(() -> out.line("HLR: M3UA association up"));
        } catch (ConfigException | IllegalArgumentException e) {
            s.close();
            out.line("HLR: FAILED: " + e.getMessage());
            return 1;
        }
        SimStackOptions.runUntilStopped(s, () -> out.line("HLR: stopping"));
        return 0;
    }

    /** The first node of that kind (an SRI-SM answer names one MSC and one SGSN), or null. */
    private static String first(List<ServingNode> nodes, ServingNode.Kind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).map(ServingNode::address).findFirst().orElse(null);
    }

    private int provision(HlrPeer hlr, SimLines out) throws ConfigException {
        int n = 0;
        Path file = subscriberFile != null ? subscriberFile : subscribers.isEmpty() ? Path.of(System.getProperty("mtcgate.home", "."), "config", "subscribers.yaml") : null;
        if (file != null) {
            for (Subscriber sub : SubscriberFile.load(file).all()) {
                if (sub.msisdn() != null) {
                    List<ServingNode> nodes = new SmRecipient(sub.imsi(), sub.msisdn(), sub.servingNodes()).nodes();
                    hlr.provision(sub.msisdn().digits(), new HlrPeer.Subscription(sub.imsi().digits(),
                            first(nodes, ServingNode.Kind.MSC), first(nodes, ServingNode.Kind.SGSN)));
                    n++;
                }
            }
            out.line("HLR: " + n + " subscribers with an MSISDN from " + file);
        }
        for (String spec : subscribers) {
            String[] f = spec.split(":", -1);
            if (f.length < 2 || f.length > 4 || !f[0].matches("[0-9]{1,15}") || !f[1].matches("[0-9]{6,15}")
                    || (f.length >= 3 && !f[2].matches("[0-9]{0,15}")) || (f.length == 4 && !f[3].matches("[0-9]{0,15}"))) {
                throw new IllegalArgumentException("--subscriber wants MSISDN:IMSI[:MSC[:SGSN]], got '" + spec + "'");
            }
            hlr.provision(f[0], new HlrPeer.Subscription(f[1], f.length >= 3 && !f[2].isEmpty() ? f[2] : null,
                    f.length == 4 && !f[3].isEmpty() ? f[3] : null));
            n++;
        }
        return n;
    }
}
