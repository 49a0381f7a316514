package dev.polis.govsim.sweep;

import dev.polis.api.InvalidInputException;
import dev.polis.govsim.game.GovSimConfig;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * How a sweep runs.
 *
 * @param output            the sweep folder; each run's records go under {@code runs/<run id>}
 * @param parallelism       how many runs play at once
 * @param concurrentHarvest whether the agents of one phase are called concurrently (worth it for model calls)
 * @param newcomerPolicy    the policy that plays the newcomer when the society's last member is a policy
 * @param tuning            adjusts each run's configuration (quirk choices, horizon) after the defaults
 */
public record SweepOptions(Path output, int parallelism, boolean concurrentHarvest, String newcomerPolicy,
                           UnaryOperator<GovSimConfig> tuning) {

    /**
     * Checks the components.
     *
     * @throws InvalidInputException when {@code parallelism} is below 1
     */
    public SweepOptions {
        if (parallelism < 1) {
            throw new InvalidInputException("-j " + parallelism + ": the number of runs played at once must be at"
                    + " least 1 (default: the number of CPU cores)");
        }
        newcomerPolicy = newcomerPolicy == null ? "greedy" : newcomerPolicy;
        tuning = tuning == null ? UnaryOperator.identity() : tuning;
    }

    /** Returns the folder that holds the run folders. */
    public Path runs() {
        return output.resolve("runs");
    }
}
