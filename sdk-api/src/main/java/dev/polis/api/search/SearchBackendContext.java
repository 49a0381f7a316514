package dev.polis.api.search;

import java.util.Objects;
import dev.polis.api.Settings;
import dev.polis.api.run.RunContext;
import org.apiguardian.api.API;

/**
 * What a {@link SearchBackendProvider} is given to open a backend.
 *
 * @param settings the backend's configuration block (index folder, server URL, ...)
 * @param run      the run it serves
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record SearchBackendContext(Settings settings, RunContext run) {

    /** Checks the components. */
    public SearchBackendContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(run, "run");
    }
}
