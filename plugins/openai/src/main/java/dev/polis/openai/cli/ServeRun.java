package dev.polis.openai.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunContext;

/**
 * The run a {@code polis serve --record <folder>} session is: its folder receives {@code calls.jsonl}, where the
 * host's {@link dev.polis.api.host.Models} appends every call of the served models.
 *
 * @param folder the record folder given to {@code --record}
 */
record ServeRun(Path folder) implements RunContext {

    /** Checks the folder. */
    ServeRun {
        Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String runId() {
        return "serve";
    }

    @Override
    public long seed() {
        return 0;
    }

    @Override
    public Optional<Path> directory() {
        return Optional.of(folder);
    }

    @Override
    public EventSink events() {
        return EventSink.discarding();
    }
}
