package dev.polis.guards.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis guard}: groups the guard subcommands; alone it prints their usage and exits with status 2. */
@Command(name = "guard", description = "Trains and evaluates the instruction-hierarchy guards.",
        subcommands = {TrainCommand.class, EvalCommand.class})
public final class GuardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("polis guard: choose a subcommand: train or eval");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
