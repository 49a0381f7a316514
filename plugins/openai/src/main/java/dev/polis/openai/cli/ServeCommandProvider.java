package dev.polis.openai.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.api.host.SettingsFactory;
import org.pf4j.Extension;

/** Contributes {@code polis serve}, which serves any model the host can resolve over an OpenAI-compatible API. */
@Extension
public final class ServeCommandProvider implements CommandProvider {

    private final Models models;
    private final Extensions extensions;
    private final SettingsFactory settings;

    /**
     * Creates the provider over a model service alone (which applies the operator's inference choices and records
     * calls); its commands cannot open {@code --guards}.
     */
    public ServeCommandProvider(Models models) {
        this.models = Objects.requireNonNull(models, "models");
        this.extensions = null;
        this.settings = null;
    }

    /**
     * Creates the provider over the host's models, extensions (the guard providers {@code --guards} names) and
     * settings factory (which reads the guard file), all injected by the host.
     */
    @Inject
    public ServeCommandProvider(Models models, Extensions extensions, SettingsFactory settings) {
        this.models = Objects.requireNonNull(models, "models");
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return "serve";
    }

    @Override
    public String description() {
        return "polis serve: an OpenAI-compatible HTTP server over any configured chat model";
    }

    @Override
    public Object newCommand() {
        return extensions == null ? new ServeCommand(models) : new ServeCommand(models, extensions, settings);
    }
}
