package dev.polis.layerskip.cli;

import dev.polis.api.cli.CommandProvider;
import org.pf4j.Extension;

/** Contributes {@code polis layerskip} with its {@code bench} subcommand. */
@Extension
public final class LayerSkipCommandProvider implements CommandProvider {

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
        return new LayerSkipCommand();
    }
}
