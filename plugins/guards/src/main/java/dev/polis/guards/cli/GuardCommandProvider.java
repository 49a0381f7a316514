package dev.polis.guards.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Models;
import org.pf4j.Extension;

/** Contributes {@code polis guard}, with {@code train} and {@code eval} subcommands. */
@Extension
public final class GuardCommandProvider implements CommandProvider {

    private final Models models;

    /** Creates the provider without host services (the end-to-end mode then cannot open a model). */
    public GuardCommandProvider() {
        this.models = null;
    }

    /** Creates the provider over the host's models (injected by the host). */
    @Inject
    public GuardCommandProvider(Models models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public String id() {
        return "guard";
    }

    @Override
    public String description() {
        return "polis guard train|eval: train the injection classifier, measure the guards on labelled suites";
    }

    @Override
    public Object newCommand() {
        return new GuardCommand(models);
    }
}
