package dev.polis.runtime.cli;

import picocli.CommandLine.Command;

/** {@code polis model}: the checkpoint tools; it only groups its subcommands. */
@Command(name = "model", description = "Checkpoint tools for the local transformer runtime.",
        subcommands = {ModelInitCommand.class, ModelInfoCommand.class}, mixinStandardHelpOptions = true)
public final class ModelCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
