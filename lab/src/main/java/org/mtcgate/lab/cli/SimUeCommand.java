package org.mtcgate.lab.cli;

import org.mtcgate.lab.map.MoSender;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.ValidityPeriod;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code mtcgate sim ue}: a UE's MO SMs as its MSC relays them to the SMS-SC (MO-ForwardSM). */
@Command(name = "ue", mixinStandardHelpOptions = true,
        description = "A UE sending MO SMs through its MSC: MO-ForwardSM (v3) or ForwardSM (v2) with an SMS-SUBMIT "
                + "to the SMS-SC. Exits 1 unless every SM was accepted (or, with --expect-error, refused with that code).")
final class SimUeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SimStackOptions stack;

    @Mixin
    SimSmOptions content;

    @Option(names = "--msisdn", required = true, description = "the sending UE's MSISDN (SM-RP-OA)")
    String msisdn;

    @Option(names = "--to", required = true, description = "TP-DA, the SM's destination")
    String destination;

    @Option(names = "--sc-address", required = true, description = "the SMS-SC's address (SM-RP-DA)")
    String serviceCentre;

    @Option(names = "--smsc-gt", description = "called GT of the MO-ForwardSM (default: --sc-address)")
    String smscGt;

    @Option(names = "--map-version", defaultValue = "3", description = "2 (ForwardSM) or 3 (MO-ForwardSM) (default ${DEFAULT-VALUE})")
    int mapVersion;

    @Mixin
    SimLoadOptions load;

    @Override
    public Integer call() throws Exception {
        SimLines out = new SimLines(spec.commandLine().getOut());
        Ss7StackConfig config = stack.config(AssociationRole.SERVER, "sim-ue", 5, "491720000900",
                List.of(Ss7StackConfig.SSN_MSC),
                List.of(Ss7StackConfig.SSN_MSC));
        byte[] tpdu = TpduCodec.encode(new SmsSubmit(false, false, false, 1, SmsAddress.international(destination),
                content.tpPid(), content.tpDcs(), new ValidityPeriod.None(), content.userData()));
        try (Ss7Stack s = Ss7Stack.assemble(config)) {
            MoSender msc = new MoSender(s);
            if (!stack.connect(s, config, out, "UE " + msisdn + " via MSC " + config.localGlobalTitle() + " (PC "
                    + config.localPointCode() + ")", "UE")) {
                return 1;
            }
            out.line("UE: sending " + load.count + " MO SM to " + destination + " via SMS-SC " + serviceCentre + " ("
                    + content.describe() + ", MAP v" + mapVersion + ")");
            String called = smscGt != null ? smscGt : serviceCentre;
            return load.send(n -> msc.moForwardSm(serviceCentre, called, msisdn,
                    tpdu, mapVersion).thenApply(v -> "accepted by the SMS-SC"), out, "UE", "MO SMs");
        }
    }
}
