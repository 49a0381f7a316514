package dev.polis.api.guard;

import java.util.Objects;
import dev.polis.api.Settings;
import dev.polis.api.run.RunContext;
import org.apiguardian.api.API;

/**
 * What a {@link GuardProvider} is given to create a guard.
 *
 * @param settings the guard's configuration block
 * @param run      the run it guards; its events receive the guard's verdicts
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record GuardContext(Settings settings, RunContext run) {

    /** Checks the components. */
    public GuardContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(run, "run");
    }
}
