package dev.polis.runtime.cli;

import dev.polis.runtime.train.RecipeLookup;
import picocli.CommandLine.Command;

/** {@code polis model}: the checkpoint tools (init, info, train); it only groups its subcommands. */
@Command(name = "model", description = "Checkpoint tools for the local transformer runtime.",
        subcommands = {ModelInitCommand.class, ModelInfoCommand.class, ModelTrainCommand.class},
        mixinStandardHelpOptions = true)
public final class ModelCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    private final RecipeLookup recipes;

    /** Creates the command with this plugin's recipes only (no host). */
    public ModelCommand() {
        this(RecipeLookup.of());
    }

    /** Creates the command; {@code recipes} resolves {@code polis model train --recipe}. */
    public ModelCommand(RecipeLookup recipes) {
        this.recipes = recipes;
    }

    /** Returns the lookup {@code train} resolves recipes with. */
    RecipeLookup recipes() {
        return recipes;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
