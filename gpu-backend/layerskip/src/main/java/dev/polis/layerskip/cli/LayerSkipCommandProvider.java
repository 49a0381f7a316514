package dev.polis.layerskip.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Models;
import dev.polis.api.host.SettingsFactory;
import org.pf4j.Extension;

/** Contributes {@code polis layerskip} with its {@code bench} subcommand. */
@Extension
public final class LayerSkipCommandProvider implements CommandProvider {

    private final SettingsFactory settings;
    private final Models models;

    /**
     * Creates the provider; {@code settings} makes the decoder settings of {@code bench}, {@code models} knows the
     * operator's device (injected by the host).
     */
    @Inject
    public LayerSkipCommandProvider(SettingsFactory settings, Models models) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public String id() {
        return "layerskip";
    }

    @Override
    public String description() {
        return "polis layerskip bench: self-speculative vs full-model greedy decoding on held-out prompts";
    }

    @Override
    public Object newCommand() {
        return new LayerSkipCommand(settings, models.operatorChoices());
    }
}
