package dev.polis.mindsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polis mindsearch}: groups the MindSearch subcommands; alone it prints their usage and exits with 2. */
@Command(name = "mindsearch", description = "Answers questions with a planner, parallel searchers and citations.",
        subcommands = {AskCommand.class, ServeCommand.class, EvalCommand.class, BenchCommand.class})
final class MindSearchCommand implements Callable<Integer> {

    private final HostServices services;

    @Spec
    CommandSpec spec;

    MindSearchCommand(HostServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("polis mindsearch: choose a subcommand: ask, serve, eval or bench");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Returns the host's services, for the subcommands. */
    HostServices services() {
        return services;
    }
}
