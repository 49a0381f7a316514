package dev.polis.mhmoe.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Models;
import org.pf4j.Extension;

/** Contributes {@code polis mhmoe} with its {@code init}, {@code stats} and {@code bench} subcommands. */
@Extension
public final class MhMoeCommandProvider implements CommandProvider {

    private final Models models;

    /** Creates the provider; {@code models} knows the operator's device (injected by the host). */
    @Inject
    public MhMoeCommandProvider(Models models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public String id() {
        return "mhmoe";
    }

    @Override
    public String description() {
        return "polis mhmoe init|stats|bench: MH-MoE checkpoints, their routing metrics, layer throughput";
    }

    @Override
    public Object newCommand() {
        return new MhMoeCommand(models.operatorChoices().device());
    }
}
