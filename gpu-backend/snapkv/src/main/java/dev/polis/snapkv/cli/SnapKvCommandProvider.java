package dev.polis.snapkv.cli;

import java.util.Objects;
import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.Models;
import org.pf4j.Extension;

/** Contributes {@code polis snapkv} with its {@code bench} subcommand. */
@Extension
public final class SnapKvCommandProvider implements CommandProvider {

    private final Models models;

    /** Creates the provider; {@code models} knows the operator's device (injected by the host). */
    @Inject
    public SnapKvCommandProvider(Models models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public String id() {
        return "snapkv";
    }

    @Override
    public String description() {
        return "polis snapkv bench: decode ms/token, KV bytes and resident memory with and without SnapKV";
    }

    @Override
    public Object newCommand() {
        return new SnapKvCommand(models.operatorChoices().device());
    }
}
