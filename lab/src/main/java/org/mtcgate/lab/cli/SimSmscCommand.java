package org.mtcgate.lab.cli;

import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mtcgate sim smsc}: a (foreign) SMSC delivering MT SMs: SRI-for-SM, then MT-ForwardSM, for each SM. */
@Command(name = "smsc", mixinStandardHelpOptions = true,
        description = "A foreign SMSC: SRI-for-SM then MT-ForwardSM for each SM, any TP-PID, originator and payload. "
                + "Prints one line per SM and a summary; exits 1 unless every SM was delivered (or, with "
                + "--expect-error, refused with that MAP error).")
final class SimSmscCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SimStackOptions stack;

    @Mixin
    SimSmOptions content;

    @Option(names = "--msisdn", required = true, description = "the recipient's MSISDN")
    String msisdn;

    @Option(names = "--sri-gt", description = "called GT of the SRI-for-SM (default: the MSISDN, as SMSCs address HLRs)")
    String sriGt;

    @Option(names = "--sc-address", description = "service centre address in SRI-SM and SM-RP-OA (default: --gt)")
    String serviceCentre;

    @Option(names = "--tp-oa", defaultValue = "4930123456", description = "TP-OA of the SMS-DELIVER (default ${DEFAULT-VALUE})")
    String tpOa;

    @Mixin
    SimLoadOptions load;

    @Override
    public Integer call() throws Exception {
        SimLines out = new SimLines(spec.commandLine().getOut());
        Ss7StackConfig config = stack.config(AssociationRole.SERVER, "sim-smsc", 2, "33612000000",
                List.of(Ss7StackConfig.SSN_MSC),
                List.of(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR));
        String sc = serviceCentre != null ? serviceCentre : config.localGlobalTitle();
        byte[] tpdu = TpduCodec.encode(new SmsDeliver(false, false, false, false, SmsAddress.international(tpOa),
                content.tpPid(), content.tpDcs(), ServiceCentreTimeStamp.of(OffsetDateTime.now()), content.userData()));
        try (Ss7Stack s = Ss7Stack.assemble(config)) {
            SmscPeer smsc = new SmscPeer(s, config.localGlobalTitle(), sc);
            if (!stack.connect(s, config, out, "SMSC " + config.localGlobalTitle() + " (SC address " + sc + ", PC "
                    + config.localPointCode() + ")", "SMSC")) {
                return 1;
            }
            out.line("SMSC: sending " + load.count + " SM to " + msisdn + " (" + content.describe() + ", TP-OA " + tpOa + ")");
            String called = sriGt != null ? sriGt : msisdn;
            return load.send(n -> smsc.sendRoutingInfoForSm(msisdn, called)
                    .thenCompose(routing -> smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), tpdu, false)
                            .thenApply(v -> "delivered via " + routing.networkNodeNumber() + " to IMSI field "
                                    + routing.imsi())), out, "SMSC", "SMs");
        }
    }
}
