package org.mtcgate.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mtcgate sim ...}: MAP peers for labs and tests, each its own jSS7 stack in its own process, with one
 * M3UA/TCP association to the node under test; and an MME, a Diameter peer on SGd.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Peers for labs: foreign SMSC, HLR, MSC/VLR, SGSN, UE-side MO sender, a standalone SMS Router (MAP), "
                + "an MME (SGd), and a GBA UE on Ub (ue-gba).",
        subcommands = {SimSmscCommand.class, SimHlrCommand.class, SimMscCommand.class, SimSgsnCommand.class, SimUeCommand.class,
                SimRouterCommand.class, SimMmeCommand.class, SimUeGbaCommand.class})
final class SimCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
