package dev.polis.runtime.cli;

import java.nio.file.Path;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.CheckpointInitializer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The folder a checkpoint-writing command writes into, with its {@code --force}: a picocli mixin
 * ({@code @Mixin CheckpointTarget target}) for {@code polis model init}, {@code polis model grow} and plugins' init
 * commands, so that none of them overwrites a checkpoint by accident.
 */
public final class CheckpointTarget {

    @Option(names = "--force", description = "Overwrite a checkpoint already in the folder.")
    private boolean force;

    @Parameters(index = "0", paramLabel = "<folder>", description = "Where to write the checkpoint.")
    private Path folder;

    /** Returns the folder as the command line names it, before any check. */
    public Path requested() {
        return folder;
    }

    /**
     * Returns the folder to write into.
     *
     * @throws InvalidInputException when it already holds a checkpoint and {@code --force} was not given
     */
    public Path folder() {
        if (!force && CheckpointInitializer.holdsCheckpoint(folder)) {
            throw new InvalidInputException(folder + " already holds a checkpoint; pass --force to overwrite it");
        }
        return folder;
    }
}
