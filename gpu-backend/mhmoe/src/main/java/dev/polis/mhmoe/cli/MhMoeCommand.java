package dev.polis.mhmoe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis mhmoe}: groups the MH-MoE tools. */
@Command(name = "mhmoe", description = "MH-MoE tools.", mixinStandardHelpOptions = true,
        subcommands = {MhMoeInitCommand.class, MhMoeStatsCommand.class, MhMoeBenchCommand.class})
public final class MhMoeCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private final String operatorDevice;

    /** Creates the command; its subcommands run on {@code operatorDevice} (may be null) unless told otherwise. */
    public MhMoeCommand(String operatorDevice) {
        this.operatorDevice = operatorDevice;
    }

    /** Returns the device the operator chose ({@code POLIS_DEVICE}), or null. */
    String operatorDevice() {
        return operatorDevice;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
