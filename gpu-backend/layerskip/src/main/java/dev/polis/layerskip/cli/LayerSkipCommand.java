package dev.polis.layerskip.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis layerskip}: groups the LayerSkip tools. */
@Command(name = "layerskip", description = "LayerSkip tools.", subcommands = LayerSkipBenchCommand.class,
        mixinStandardHelpOptions = true)
public final class LayerSkipCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
