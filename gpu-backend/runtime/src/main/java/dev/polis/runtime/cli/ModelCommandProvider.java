package dev.polis.runtime.cli;

import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.runtime.train.RecipeLookup;
import org.pf4j.Extension;

/** Contributes {@code polis model} with its {@code init}, {@code info} and {@code train} subcommands. */
@Extension
public final class ModelCommandProvider implements CommandProvider {

    private final RecipeLookup recipes;

    /** Creates the provider over the host's training recipes (injected by the host). */
    @Inject
    public ModelCommandProvider(ExtensionRegistry registry) {
        this(RecipeLookup.using(registry));
    }

    /** Creates the provider over this plugin's recipes only, for tests and embedding. */
    public ModelCommandProvider() {
        this(RecipeLookup.of());
    }

    /** Creates the provider over any recipe lookup. */
    public ModelCommandProvider(RecipeLookup recipes) {
        this.recipes = recipes;
    }

    @Override
    public String id() {
        return "model";
    }

    @Override
    public String description() {
        return "polis model init|info|train: write a random-weight checkpoint, describe a checkpoint, train one";
    }

    @Override
    public Object newCommand() {
        return new ModelCommand(recipes);
    }
}
