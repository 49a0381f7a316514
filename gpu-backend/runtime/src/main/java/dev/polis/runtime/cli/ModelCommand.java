package dev.polis.runtime.cli;

import dev.polis.api.host.SettingsFactory;
import dev.polis.runtime.train.RecipeLookup;
import picocli.CommandLine.Command;

/** {@code polis model}: the checkpoint tools (init, info, grow, train); it only groups its subcommands. */
@Command(name = "model", description = "Checkpoint tools for the local transformer runtime.",
        subcommands = {ModelInitCommand.class, ModelInfoCommand.class, ModelGrowCommand.class,
                ModelTrainCommand.class},
        mixinStandardHelpOptions = true)
public final class ModelCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    private final RecipeLookup recipes;
    private final SettingsFactory settings;

    /**
     * Creates the command; {@code recipes} resolves {@code polis model train --recipe}, {@code settings} turns its
     * {@code --recipe-option}s into the recipe's settings.
     */
    public ModelCommand(RecipeLookup recipes, SettingsFactory settings) {
        this.recipes = recipes;
        this.settings = settings;
    }

    /** Returns the lookup {@code train} resolves recipes with. */
    RecipeLookup recipes() {
        return recipes;
    }

    /** Returns the factory {@code train} makes recipe settings with. */
    SettingsFactory settings() {
        return settings;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
