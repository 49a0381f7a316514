package dev.polis.guards.cli;

import dev.polis.api.cli.CommandProvider;
import org.pf4j.Extension;

/** Contributes {@code polis guard}, with {@code train} and {@code eval} subcommands. */
@Extension
public final class GuardCommandProvider implements CommandProvider {

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
        return new GuardCommand();
    }
}
