package dev.polis.openai.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Models;
import org.pf4j.Extension;

/** Contributes {@code polis serve}, which serves any model the host can resolve over an OpenAI-compatible API. */
@Extension
public final class ServeCommandProvider implements CommandProvider {

    private final Models models;

    /**
     * Creates the provider over the host's model service (injected by the host), which applies the operator's
     * inference choices and records calls.
     */
    @Inject
    public ServeCommandProvider(Models models) {
        this.models = Objects.requireNonNull(models, "models");
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
        return new ServeCommand(models);
    }
}
