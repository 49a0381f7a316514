package dev.polis.runtime.cli;

import dev.polis.api.cli.CommandProvider;
import org.pf4j.Extension;

/** Contributes {@code polis model} with its {@code init} and {@code info} subcommands. */
@Extension
public final class ModelCommandProvider implements CommandProvider {

    @Override
    public String id() {
        return "model";
    }

    @Override
    public String description() {
        return "polis model init|info: write a random-weight checkpoint, describe a checkpoint";
    }

    @Override
    public Object newCommand() {
        return new ModelCommand();
    }
}
