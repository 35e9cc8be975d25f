package org.mtcgate.core.cli;

import org.mtcgate.filter.Explanation;
import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Zone;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.PolicyFiles;
import org.mtcgate.filter.yaml.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mtcgate policy check|explain}: validate a policy file, or show the rule path for a sample SM. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Check a filter policy or explain a verdict.",
        subcommands = {PolicyCommand.Check.class, PolicyCommand.Explain.class})
final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The policy read and compiled, with no rate or quota state: checking and explaining count nothing. */
    static CompiledPolicy load(Path file, PrintWriter err) {
        try {
            return PolicyFiles.compile(file);
        } catch (ConfigException e) {
            err.println("policy refused: " + e.getMessage());
            return null;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load a policy file and its list files; print a summary, or the first mistake with file, line and field.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "POLICY", description = "the policy YAML file")
        Path file;

        @Override
        public Integer call() {
            CompiledPolicy policy = load(file, spec.commandLine().getErr());
            if (policy == null) {
                return 1;
            }
            spec.commandLine().getOut().print("policy OK\n" + policy.summary());
            return 0;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Show the rule path and verdict for a sample SM or trigger (rate and quota are looked at, not used).")
    static final class Explain implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "POLICY", description = "the policy YAML file")
        Path file;

        @Option(names = "--ingress", required = true, description = "tsp, t4, tsms, sms-iwmsc-mo, router-mt or t8")
        String ingress;

        @Option(names = "--from", required = true,
                description = "originator: SCS or MTC-IWF Diameter identity, SME/UE/SMSC number")
        String from;

        @Option(names = "--via-gt", description = "SCCP calling GT the SM arrived from (router-mt)")
        String viaGt;

        @Option(names = "--tp-oa", description = "TP-OA of the SMS-DELIVER (router-mt)")
        String tpOa;

        @Option(names = "--link", paramLabel = "PEER:ZONE",
                description = "the SS7 peer and zone it arrived over (router-mt, sms-iwmsc-mo), e.g. intl-gw:interconnect")
        String link;

        @Option(names = "--to-msisdn", description = "target UE MSISDN")
        String toMsisdn;

        @Option(names = "--to-imsi", description = "target UE IMSI")
        String toImsi;

        @Option(names = "--to-ext-id", description = "target UE External-Identifier (local@domain)")
        String toExtId;

        @Option(names = "--pid", defaultValue = "0x48", description = "TP-PID, decimal or 0x hex (default ${DEFAULT-VALUE})")
        String pid;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            CompiledPolicy policy = load(file, err);
            if (policy == null) {
                return 1;
            }
            InboundItem item;
            try {
                item = item();
            } catch (IllegalArgumentException e) {
                err.println("sample SM refused: " + e.getMessage());
                return 2;
            }
            Explanation explanation = policy.explain(item, TimeSource.SYSTEM);
            PrintWriter out = spec.commandLine().getOut();
            int n = 1;
            for (String step : explanation.steps()) {
                out.printf("%2d. %s%n", n++, step);
            }
            out.println(explanation.verdict().decision() + " " + explanation.verdict().ruleId()
                    + " Request-Status " + explanation.verdict().requestStatus() + " (" + explanation.verdict().requestStatus().code() + ")");
            return 0;
        }

        private InboundItem item() {
            Ingress in = Ingress.parse(ingress);
            boolean numeric = from.matches("\\+?[0-9]{1,17}");
            Originator originator = new Originator(numeric ? GlobalTitle.of(from).digits() : from,
                    numeric ? GlobalTitle.of(from) : null,
                    viaGt == null ? null : GlobalTitle.of(viaGt),
                    tpOa == null ? null : GlobalTitle.of(tpOa), arrivalLink());
            String p = pid.trim().toLowerCase(java.util.Locale.ROOT);
            int tpPid = p.startsWith("0x") ? Integer.parseInt(p.substring(2), 16) : Integer.parseInt(p);
            InboundItem.Builder b = InboundItem.builder(in, originator).tpPid(tpPid);
            if (toMsisdn != null) {
                b.targetMsisdn(Msisdn.of(toMsisdn));
            }
            if (toImsi != null) {
                b.targetImsi(Imsi.of(toImsi));
            }
            if (toExtId != null) {
                b.targetExternalId(ExternalId.of(toExtId));
            }
            return b.build();
        }

        private ArrivalLink arrivalLink() {
            if (link == null) {
                return null;
            }
            int colon = link.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--link must be PEER:ZONE (zone home or interconnect): '" + link + "'");
            }
            return new ArrivalLink(link.substring(0, colon), Zone.parse(link.substring(colon + 1)));
        }
    }
}
