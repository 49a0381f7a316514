package dev.polis.snapkv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis snapkv}: groups the SnapKV tools. */
@Command(name = "snapkv", description = "SnapKV tools.", subcommands = SnapKvBenchCommand.class,
        mixinStandardHelpOptions = true)
public final class SnapKvCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private final String operatorDevice;

    /** Creates the command; its subcommands run on {@code operatorDevice} (may be null) unless told otherwise. */
    public SnapKvCommand(String operatorDevice) {
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
