package org.mtcgate.lab.cli;

import org.mtcgate.map.stack.Ss7StackConfig;
import picocli.CommandLine.Command;

/** {@code mtcgate sim sgsn}: a serving SGSN (SSN 149) taking MT-ForwardSM, as the MSC simulator does. */
@Command(name = "sgsn", mixinStandardHelpOptions = true,
        description = "A serving SGSN (SSN 149): accepts MT-ForwardSM (v3) and ForwardSM (v2) for SMS over the PS domain, "
                + "prints (and with --record appends to a file) one line per SM a UE got. Runs until Ctrl-C.")
final class SimSgsnCommand extends SimMscCommand {
    @Override
    String kind() {
        return "SGSN";
    }

    @Override
    String defaultGt() {
        return "491720000300";
    }

    @Override
    int defaultPointCode() {
        return 5;
    }

    @Override
    int ssn() {
        return Ss7StackConfig.SSN_SGSN;
    }
}
