package dev.polis.govsim.sweep;

import dev.polis.api.run.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a sweep lends its agents: the run's context (id, seed, folder, event sink whose events land in
 * the run's {@code events.jsonl}) and the models its agents use but do not own. Closing the scope closes those
 * models.
 *
 * <p>Models asked for with {@code ModelRequest.inRun(scope.context())} record their calls in the run folder's
 * {@code calls.jsonl}: the host's {@code Models} opens that log with the first such model and closes it with the
 * last, so runs of reference policies leave none.
 */
public final class RunScope implements AutoCloseable {

    private final RunSpec spec;
    private final Path directory;
    private final PendingEvents events = new PendingEvents();
    private final List<AutoCloseable> owned = new ArrayList<>();

    /** Creates the scope of run {@code spec}, whose records are in {@code directory}. */
    public RunScope(RunSpec spec, Path directory) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Returns the run. */
    public RunSpec spec() {
        return spec;
    }

    /** Returns the run's record folder. */
    public Path directory() {
        return directory;
    }

    /** Returns the events emitted through {@link #context()} that are not yet written. */
    public PendingEvents events() {
        return events;
    }

    /** Returns the run's context for agent providers: id, seed, folder and events. */
    public RunContext context() {
        return RunContext.inFolder(spec.id(), spec.seed(), directory, events);
    }

    /** Keeps {@code resource} (a model the run's agents use but do not own) to be closed with the run. */
    public synchronized <T extends AutoCloseable> T own(T resource) {
        owned.add(Objects.requireNonNull(resource, "resource"));
        return resource;
    }

    /**
     * Closes what the run owns, newest first; a failure to close one is reported as an event
     * ({@code govsim.close-failed}) that {@link #events()} still holds.
     */
    @Override
    public synchronized void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                events.emit("govsim.close-failed", Map.of("resource", owned.get(i).getClass().getSimpleName(),
                        "error", String.valueOf(e.getMessage())));
            }
        }
        owned.clear();
    }
}
