package org.mtcgate.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mtcgate sim ...}: MAP peers for labs and tests, each its own jSS7 stack in its own process, with one
 * M3UA/TCP association to the node under test.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "MAP peers for labs: foreign SMSC, HLR, MSC/VLR, UE-side MO sender, and a standalone SMS Router.",
        subcommands = {SimSmscCommand.class, SimHlrCommand.class, SimMscCommand.class, SimSgsnCommand.class, SimUeCommand.class,
                SimRouterCommand.class})
final class SimCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
