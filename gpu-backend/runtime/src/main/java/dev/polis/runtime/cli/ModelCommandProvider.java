package dev.polis.runtime.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.SettingsFactory;
import dev.polis.runtime.train.RecipeLookup;
import org.pf4j.Extension;

/** Contributes {@code polis model} with its {@code init}, {@code info} and {@code train} subcommands. */
@Extension
public final class ModelCommandProvider implements CommandProvider {

    private final RecipeLookup recipes;
    private final SettingsFactory settings;

    /** Creates the provider over the host's training recipes (injected by the host). */
    @Inject
    public ModelCommandProvider(Extensions extensions, SettingsFactory settings) {
        this(RecipeLookup.using(extensions), settings);
    }

    /** Creates the provider over any recipe lookup; {@code settings} makes the recipes' settings. */
    public ModelCommandProvider(RecipeLookup recipes, SettingsFactory settings) {
        this.recipes = Objects.requireNonNull(recipes, "recipes");
        this.settings = Objects.requireNonNull(settings, "settings");
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
        return new ModelCommand(recipes, settings);
    }
}
