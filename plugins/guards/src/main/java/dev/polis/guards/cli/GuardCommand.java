package dev.polis.guards.cli;

import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.api.host.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis guard}: groups the guard subcommands; alone it prints their usage and exits with status 2. */
@Command(name = "guard", description = "Trains and evaluates the instruction-hierarchy guards.",
        subcommands = {TrainCommand.class, EvalCommand.class})
public final class GuardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final Models models;

    /** Creates the command over the host's models, which the end-to-end mode opens its target with. */
    public GuardCommand(Models models) {
        this.models = models;
    }

    /** Returns the host's models; without them the end-to-end mode cannot run. */
    Models models() {
        if (models == null) {
            throw new InvalidInputException("--target: no model service is available here; run it through polis");
        }
        return models;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("polis guard: choose a subcommand: train or eval");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
