package dev.polis.core.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis plugin}: commands for plugin authors ({@code polis plugin new}). */
@Command(name = "plugin", mixinStandardHelpOptions = true, description = "Commands for plugin authors.")
final class PluginCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
