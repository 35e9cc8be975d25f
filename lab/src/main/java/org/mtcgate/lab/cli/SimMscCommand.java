package org.mtcgate.lab.cli;

import org.mtcgate.lab.gba.PushTriggerReader;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.UnansweredDialogGuard;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.CharacterSet;
import org.mtcgate.map.tpdu.SmsDeliver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mtcgate sim msc}: a serving MSC/VLR accepting MT-ForwardSM and printing what each UE got. */
@Command(name = "msc", mixinStandardHelpOptions = true,
        description = "A serving MSC/VLR: accepts MT-ForwardSM (v3) and ForwardSM (v2), prints (and with --record "
                + "appends to a file) one line per SM a UE got. Runs until Ctrl-C.")
class SimMscCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SimStackOptions stack;

    @Option(names = "--record", description = "append one line per delivered SM to this file")
    Path record;

    @Option(names = "--absent", paramLabel = "IMSI", split = ",",
            description = "answer absentSubscriberSM for these IMSIs (so the SMS-SC tries the next node or waits)")
    List<String> absentImsis = List.of();

    @Mixin
    PushUeOptions pushUe;

    /** What this simulator stands for: the name in its lines, its default GT and point code, its SSN. */
    String kind() {
        return "MSC";
    }

    String defaultGt() {
        return "491720000200";
    }

    int defaultPointCode() {
        return 4;
    }

    int ssn() {
        return Ss7StackConfig.SSN_MSC;
    }

    @Override
    public Integer call() throws Exception {
        SimLines out = new SimLines(spec.commandLine().getOut());
        String kind = kind();
        Ss7StackConfig config = stack.config(AssociationRole.CLIENT, "sim-" + kind.toLowerCase(java.util.Locale.ROOT),
                defaultPointCode(), defaultGt(), List.of(ssn()), List.of(Ss7StackConfig.SSN_MSC));
        if (record != null && record.toAbsolutePath().getParent() != null) {
            Files.createDirectories(record.toAbsolutePath().getParent());
        }
        Writer recorder = record == null ? null : Files.newBufferedWriter(record, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Optional<PushTriggerReader> ue;
        try {
            ue = pushUe.reader();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Ss7Stack s = Ss7Stack.assemble(config);
        MscPeer peer = new MscPeer(s, (imsi, sm) -> {
            String line = kind + ": IMSI " + imsi + " got " + describe(sm);
            out.line(line);
            if (ue.isPresent() && imsi.equals(pushUe.imsi)) {
                ue.get().delivered(sm).ifPresent(r -> out.line(r.line()));
            }
            if (recorder != null) {
                synchronized (recorder) {
                    try {
                        recorder.write(line + System.lineSeparator());
                        recorder.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }, false);
        absentImsis.forEach(imsi -> peer.absent(imsi, config.localGlobalTitle()));
        UnansweredDialogGuard.attach(s);
        s.connect();
        out.line(kind + " " + config.localGlobalTitle() + " SSN " + ssn() + " (PC " + config.localPointCode() + "): "
                + config.peers().get(0).role() + " " + stack.local + " <-> " + stack.remote + "; Ctrl-C stops");
        s.active().thenRun(() -> out.line(kind + ": M3UA association up"));
        SimStackOptions.runUntilStopped(s, () -> {
            out.line(kind + ": stopping");
            if (recorder != null) {
                try {
                    recorder.close();
                } catch (IOException e) {
                    // the lines already written were flushed
                }
            }
        });
        return 0;
    }

    static String describe(SmsDeliver sm) {
        StringBuilder sb = new StringBuilder("SMS-DELIVER from TP-OA ").append(sm.originatingAddress().value())
                .append(String.format(", TP-PID 0x%02X, TP-DCS 0x%02X", sm.protocolIdentifier(), sm.dataCodingScheme()));
        sm.userData().optionalHeader().flatMap(h -> h.applicationPort())
                .ifPresent(p -> sb.append(", port ").append(p.destinationPort()));
        if (sm.userData().characterSet() == CharacterSet.EIGHT_BIT) {
            byte[] body = sm.userData().body();
            sb.append(", ").append(body.length).append(" octets ").append(HexFormat.of().formatHex(body));
        } else {
            sb.append(", text \"").append(sm.userData().text()).append('"');
        }
        return sb.toString();
    }
}
