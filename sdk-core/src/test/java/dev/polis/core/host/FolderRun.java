package dev.polis.core.host;

import java.nio.file.Path;
import java.util.Optional;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunContext;

/**
 * A run that keeps its records in {@code folder}, for tests of what models write there.
 *
 * @param runId  the run's id
 * @param folder the run folder
 */
public record FolderRun(String runId, Path folder) implements RunContext {

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
