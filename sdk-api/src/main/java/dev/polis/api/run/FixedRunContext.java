package dev.polis.api.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A run context of fixed values, made by {@link RunContext#detached} and {@link RunContext#inFolder}. */
record FixedRunContext(String runId, long seed, Optional<Path> directory, EventSink events) implements RunContext {

    FixedRunContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(events, "events");
    }
}
