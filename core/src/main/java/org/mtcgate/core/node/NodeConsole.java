package org.mtcgate.core.node;

import org.mtcgate.core.capture.CaptureFilter;
import org.mtcgate.core.capture.CaptureSettings;
import org.mtcgate.core.capture.PacketCapture;
import org.mtcgate.core.console.ArgumentHint;
import org.mtcgate.core.console.ConsoleCommand;
import org.mtcgate.core.console.ConsoleCommands;
import org.mtcgate.core.console.ConsoleException;
import org.mtcgate.core.console.ConsoleSession;
import org.mtcgate.core.policy.ListFileChangedException;
import org.mtcgate.core.policy.PolicyAdministration;
import org.mtcgate.filter.Explanation;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The node's operator commands on the SSH console; each state-changing one is audited with the user's name. */
final class NodeConsole {
    private static final String FILTER_WORDS = "diameter|m3ua|http|smpp|peer=<name>|ip=<address>|port=<n>";
    private final NodeView node;
    private final PolicyAdministration policyAdministration;
    private final PacketCapture capture;
    private final Path captureDir;

    /**
     * @param captureDir where {@code trace pcap} writes: the console names a file, never a folder, so an operator
     *                   session cannot overwrite anything else on the host
     */
    NodeConsole(NodeView node, PolicyAdministration policyAdministration, PacketCapture capture, Path captureDir) {
        this.node = node;
        this.policyAdministration = policyAdministration;
        this.capture = capture;
        this.captureDir = captureDir;
    }

    PolicyAdministration policy() {
        return policyAdministration;
    }

    void registerAll(ConsoleCommands c, RunningConfig runningConfig) {
        c.register(ConsoleCommand.of("show running-config", "the node config as read at start, the policy in force, unsaved changes",
                runningConfig::print));
        c.register(ConsoleCommand.of("show peers", "Diameter peers and the M3UA association: state and counters", this::showPeers));
        c.register(ConsoleCommand.of("show stats", "verdicts by rule, trigger states, SMS-SC and Tsp counters", this::showStats));
        c.register(ConsoleCommand.of("show policy", "the filter policy in force: groups and senders", this::showPolicy));
        c.register(ConsoleCommand.of("show triggers", "triggers with this Reference-Number, at the MTC-IWF and the SMS-SC",
                this::showTriggers).withArguments(ArgumentHint.of("<reference-number>")));
        c.register(ConsoleCommand.of("show triggers held", "every trigger and SM still held: attempts, last error, next retry",
                this::showHeldTriggers));
        c.register(ConsoleCommand.of("explain", "the rule path for a sample SM: explain <ingress> <from> [msisdn=|imsi=|ext-id=|via-gt=|tp-oa=|pid=]...",
                this::explain).withArguments(ArgumentHint.of("<ingress> <from> [key=value]...",
                () -> List.of("tsp", "t4", "tsms", "sms-iwmsc-mo", "router-mt"))));
        c.register(ConsoleCommand.of("policy reload", "load the policy files from disk (drops unsaved console changes)",
                this::policyReload).changingState());
        c.register(ConsoleCommand.of("policy add", "add an MSISDN to a group's number list, in force at once (write config saves it)",
                this::policyAdd).changingState().withArguments(ArgumentHint.of("<group> <msisdn>", this::groupNames)));
        c.register(ConsoleCommand.of("policy remove", "remove an MSISDN from a group's number list, in force at once",
                this::policyRemove).changingState().withArguments(ArgumentHint.of("<group> <msisdn>", this::groupNames)));
        c.register(ConsoleCommand.of("write config", "save the console's policy changes to their list files",
                this::writeConfig).changingState());
        c.register(ConsoleCommand.of("trace on", "print every verdict and trigger change naming this SCS, MSISDN, External-Identifier or IMSI",
                this::traceOn).changingState().interactive().withArguments(ArgumentHint.of("<scs|msisdn|ext-id|imsi>")));
        c.register(ConsoleCommand.of("trace off", "stop tracing (one key, or all of this session's traces)",
                this::traceOff).changingState().withArguments(ArgumentHint.of("[key]")));
        c.register(ConsoleCommand.of("trace pcap", "write what the node sends and receives (Diameter, M3UA, T8 HTTP, SMPP; "
                + "after TLS) as pcapng under data-dir/captures; no arguments: the capture's status",
                this::tracePcap).changingState().withArguments(ArgumentHint.of(
                "<file> [" + FILTER_WORDS + "]...")));
        c.register(ConsoleCommand.of("trace pcap stop", "stop the signalling capture and close its file",
                this::tracePcapStop).changingState());
    }

    private List<String> groupNames() {
        return policyAdministration.groupNames();
    }

    private static String sessionId(ConsoleSession s) {
        return Integer.toHexString(System.identityHashCode(s));
    }

    private void showPeers(ConsoleSession s, List<String> args) {
        node.peers(s::println);
    }

    private void showStats(ConsoleSession s, List<String> args) {
        s.println("verdicts (ingress decision rule: count):");
        node.observer().verdictCounts().forEach((k, v) -> s.println(String.format("  %-60s %,d", k, v)));
        s.println("trigger state changes:");
        node.observer().stateCounts().forEach((k, v) -> s.println(String.format("  %-14s %,d", k, v)));
        node.stats(s::println);
        long dropped = node.observer().traceLinesDropped();
        if (dropped > 0) {
            s.println(String.format("trace lines dropped (consoles too slow): %,d", dropped));
        }
    }

    private void showPolicy(ConsoleSession s, List<String> args) {
        PolicyAdministration policy = policyAdministration;
        s.out().print(policy.inForce().summary());
        if (policy.hasUnsavedChanges()) {
            s.println("(changed from the console and not saved: write config to save)");
        }
    }

    private void showTriggers(ConsoleSession s, List<String> args) throws ConsoleException {
        if (args.size() != 1 || !args.get(0).matches("[0-9]{1,10}")) {
            throw new ConsoleException("usage: show triggers <reference-number>");
        }
        long ref = Long.parseLong(args.get(0));
        List<String> lines = new ArrayList<>();
        node.triggers(ref, lines::add);
        if (lines.isEmpty()) {
            s.println("no trigger with Reference-Number " + ref);
        }
        lines.forEach(s::println);
    }

    private void showHeldTriggers(ConsoleSession s, List<String> args) {
        List<String> lines = new ArrayList<>();
        node.heldTriggers(lines::add);
        if (lines.isEmpty()) {
            s.println("no trigger or SM is held");
        }
        lines.forEach(s::println);
    }

    private void explain(ConsoleSession s, List<String> args) throws ConsoleException {
        if (args.size() < 2) {
            throw new ConsoleException("usage: explain <ingress> <from> [msisdn=N] [imsi=N] [ext-id=X] [via-gt=N] [tp-oa=N] [pid=0x48]");
        }
        Map<String, String> kv = new HashMap<>();
        for (String a : args.subList(2, args.size())) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ConsoleException("'" + a + "' is not key=value");
            }
            kv.put(a.substring(0, eq).toLowerCase(Locale.ROOT), a.substring(eq + 1));
        }
        InboundItem item;
        try {
            Ingress ingress = Ingress.parse(args.get(0));
            String from = args.get(1);
            boolean numeric = from.matches("\\+?[0-9]{1,17}");
            Originator o = new Originator(numeric ? GlobalTitle.of(from).digits() : from, numeric ? GlobalTitle.of(from) : null,
                    kv.containsKey("via-gt") ? GlobalTitle.of(kv.get("via-gt")) : null,
                    kv.containsKey("tp-oa") ? GlobalTitle.of(kv.get("tp-oa")) : null);
            String pid = kv.getOrDefault("pid", "0x48").toLowerCase(Locale.ROOT);
            InboundItem.Builder b = InboundItem.builder(ingress, o)
                    .tpPid(pid.startsWith("0x") ? Integer.parseInt(pid.substring(2), 16) : Integer.parseInt(pid));
            if (kv.containsKey("msisdn")) {
                b.targetMsisdn(Msisdn.of(kv.get("msisdn")));
            }
            if (kv.containsKey("imsi")) {
                b.targetImsi(Imsi.of(kv.get("imsi")));
            }
            if (kv.containsKey("ext-id")) {
                b.targetExternalId(ExternalId.of(kv.get("ext-id")));
            }
            item = b.build();
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(e.getMessage());
        }
        Explanation e = policyAdministration.explain(item);
        int n = 1;
        for (String step : e.steps()) {
            s.println(String.format("%2d. %s", n++, step));
        }
    }

    private void policyReload(ConsoleSession s, List<String> args) throws ConsoleException {
        try {
            CompiledPolicy p = policyAdministration.reload();
            s.println("policy reloaded from disk, digest " + p.digest());
        } catch (ConfigException e) {
            throw new ConsoleException("policy refused, the one in force stays: " + e.getMessage());
        }
    }

    private void policyAdd(ConsoleSession s, List<String> args) throws ConsoleException {
        editGroup(s, args, true);
    }

    private void policyRemove(ConsoleSession s, List<String> args) throws ConsoleException {
        editGroup(s, args, false);
    }

    private void editGroup(ConsoleSession s, List<String> args, boolean add) throws ConsoleException {
        if (args.size() != 2) {
            throw new ConsoleException("usage: policy " + (add ? "add" : "remove") + " <group> <msisdn>");
        }
        PolicyAdministration policy = policyAdministration;
        boolean changed;
        try {
            changed = add ? policy.add(args.get(0), args.get(1)) : policy.remove(args.get(0), args.get(1));
        } catch (ConfigException e) {
            // The edit is read and compiled before anything is put in force: a refusal changes nothing.
            throw new ConsoleException("refused, nothing changed: " + e.getMessage());
        } catch (ListFileChangedException e) {
            throw new ConsoleException("refused, nothing changed: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConsoleException(e.getMessage());
        }
        if (!changed) {
            s.println(args.get(1) + (add ? " is already in " : " is not in ") + args.get(0) + "; nothing changed");
            return;
        }
        s.println((add ? "added " : "removed ") + args.get(1) + (add ? " to " : " from ") + args.get(0)
                + "; in force now, digest " + policy.inForce().digest() + " (write config to save)");
    }

    private void writeConfig(ConsoleSession s, List<String> args) throws ConsoleException {
        try {
            List<Path> written = policyAdministration.write();
            if (written.isEmpty()) {
                s.println("nothing to write: the files on disk are what is in force");
            }
            written.forEach(p -> s.println("wrote " + p));
        } catch (ListFileChangedException e) {
            throw new ConsoleException("nothing written: " + e.getMessage());
        } catch (IOException e) {
            throw new ConsoleException("cannot write: " + e.getMessage());
        }
    }

    private void traceOn(ConsoleSession s, List<String> args) throws ConsoleException {
        if (args.size() != 1) {
            throw new ConsoleException("usage: trace on <scs|msisdn|ext-id|imsi>");
        }
        node.observer().traceOn(sessionId(s), args.get(0), s::printAsync);
        s.println("tracing " + args.get(0) + " in this session (trace off to stop)");
    }

    private void tracePcap(ConsoleSession s, List<String> args) throws ConsoleException {
        if (args.isEmpty()) {
            s.println(capture.status());
            s.println("usage: trace pcap <file> [" + FILTER_WORDS + "]...; trace pcap stop");
            return;
        }
        String name = args.get(0);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new ConsoleException("'" + name + "' is not a file name (letters, digits, '.', '_', '-'): captures are "
                    + "written in " + captureDir);
        }
        CaptureSettings settings;
        try {
            settings = new CaptureSettings(captureDir.resolve(name), CaptureFilter.parse(args.subList(1, args.size())));
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(e.getMessage());
        }
        try {
            s.println("capturing to " + capture.start(settings, false));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ConsoleException(settings.file() + " exists: choose another name");
        } catch (IOException | IllegalStateException e) {
            throw new ConsoleException(e.getMessage());
        }
    }

    private void tracePcapStop(ConsoleSession s, List<String> args) throws ConsoleException {
        try {
            s.println(capture.stop().map(last -> "capture stopped: " + last).orElse("no capture is running"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException("interrupted while closing the capture");
        }
    }

    private void traceOff(ConsoleSession s, List<String> args) {
        boolean any = node.observer().traceOff(sessionId(s), args.isEmpty() ? null : args.get(0));
        s.println(any ? "trace stopped" : "no such trace in this session");
    }

}
