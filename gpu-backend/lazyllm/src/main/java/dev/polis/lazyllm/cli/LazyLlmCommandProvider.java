package dev.polis.lazyllm.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.host.SettingsFactory;
import org.pf4j.Extension;

/** Contributes {@code polis lazyllm} with its {@code bench} and {@code corpus} subcommands. */
@Extension
public final class LazyLlmCommandProvider implements CommandProvider {

    private final Models models;
    private final Extensions extensions;
    private final SettingsFactory settings;

    /**
     * Creates the provider; {@code models} knows the operator's device, {@code extensions} finds the decoder the
     * bench may run on top, {@code settings} makes that decoder's settings block (all injected by the host).
     */
    @Inject
    public LazyLlmCommandProvider(Models models, Extensions extensions, SettingsFactory settings) {
        this.models = Objects.requireNonNull(models, "models");
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return "lazyllm";
    }

    @Override
    public String description() {
        return "polis lazyllm bench|corpus: TTFT and quality by pruning schedule; the synthetic retrieval corpus";
    }

    @Override
    public Object newCommand() {
        return new LazyLlmCommand(models.operatorChoices().device(), extensions, settings);
    }
}
