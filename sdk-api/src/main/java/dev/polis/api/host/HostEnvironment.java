package dev.polis.api.host;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Lends plugins the environment variables of the invocation they run in, as the host was given them: the process's
 * for {@code polis}, a test's own map for {@code PolisCli.execute(args, out, err, env)}.
 *
 * <p>Plugins read variables (a scheduler's {@code SLURM_ARRAY_TASK_ID}, a Kubernetes {@code JOB_COMPLETION_INDEX})
 * through this service, never through {@code System.getenv}, so that a test can set them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface HostEnvironment {

    /** Returns the value of variable {@code name}, or empty when it is not set. */
    Optional<String> variable(String name);

    /** Returns an environment holding exactly {@code variables}. */
    static HostEnvironment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        return name -> Optional.ofNullable(copy.get(name));
    }

    /** Returns an environment with no variables. */
    static HostEnvironment none() {
        return name -> Optional.empty();
    }
}
