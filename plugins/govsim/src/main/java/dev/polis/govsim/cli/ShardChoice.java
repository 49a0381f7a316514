package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.host.HostEnvironment;
import dev.polis.govsim.sweep.Shard;
import java.util.Optional;

/**
 * Decides which shard of a sweep this process plays: {@code --shard i/n} when given, else a SLURM array task
 * ({@code SLURM_ARRAY_TASK_ID} minus {@code SLURM_ARRAY_TASK_MIN}, of {@code SLURM_ARRAY_TASK_COUNT}), else a
 * Kubernetes Indexed Job pod ({@code JOB_COMPLETION_INDEX} of {@value #COUNT_VARIABLE}), else none (the whole plan).
 *
 * <p>Variables are read through the host's {@link HostEnvironment}. A value that is not a whole number, an index
 * outside {@code 0..n-1} or a missing count is a user error (exit 2) naming the option or variable.
 */
final class ShardChoice {

    /** The variable that gives the shard count of a Kubernetes Indexed Job (its {@code completions}). */
    static final String COUNT_VARIABLE = "POLIS_SHARD_COUNT";

    private ShardChoice() {
    }

    /** Returns the shard chosen by {@code option} ({@code i/n}, or {@code null}) or the environment, if any. */
    static Optional<Shard> resolve(String option, HostEnvironment environment) {
        if (option != null) {
            return Optional.of(parseOption(option));
        }
        Optional<String> slurm = environment.variable("SLURM_ARRAY_TASK_ID");
        if (slurm.isPresent()) {
            int id = number("SLURM_ARRAY_TASK_ID", slurm.get());
            int min = environment.variable("SLURM_ARRAY_TASK_MIN").map(v -> number("SLURM_ARRAY_TASK_MIN", v))
                    .orElse(0);
            int step = environment.variable("SLURM_ARRAY_TASK_STEP").map(v -> number("SLURM_ARRAY_TASK_STEP", v))
                    .orElse(1);
            if (step != 1) {
                throw new InvalidInputException("SLURM_ARRAY_TASK_STEP=" + step + ": a sweep's array must have"
                        + " consecutive task ids (sbatch --array=0-" + "<n-1>, no ':step'); or give --shard i/n");
            }
            int count = environment.variable("SLURM_ARRAY_TASK_COUNT")
                    .map(v -> number("SLURM_ARRAY_TASK_COUNT", v))
                    .orElseThrow(() -> new InvalidInputException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT"
                            + " is not; submit the sweep as an array (sbatch --array=0-<n-1>) or give --shard i/n"));
            return Optional.of(shard(id - min, count, "SLURM_ARRAY_TASK_ID=" + id + " (SLURM_ARRAY_TASK_MIN=" + min
                    + ", SLURM_ARRAY_TASK_COUNT=" + count + ")", "submit the array as --array=0-" + (count - 1)));
        }
        Optional<String> k8s = environment.variable("JOB_COMPLETION_INDEX");
        if (k8s.isPresent()) {
            int index = number("JOB_COMPLETION_INDEX", k8s.get());
            int count = environment.variable(COUNT_VARIABLE).map(v -> number(COUNT_VARIABLE, v))
                    .orElseThrow(() -> new InvalidInputException("JOB_COMPLETION_INDEX is set but " + COUNT_VARIABLE
                            + " is not; set " + COUNT_VARIABLE + " to the Job's completions (polis govsim --emit k8s"
                            + " does) or give --shard $(JOB_COMPLETION_INDEX)/<n>"));
            return Optional.of(shard(index, count, "JOB_COMPLETION_INDEX=" + index + " (" + COUNT_VARIABLE + "="
                    + count + ")", "set " + COUNT_VARIABLE + " to the Job's completions"));
        }
        return Optional.empty();
    }

    private static Shard parseOption(String option) {
        String text = option.strip();
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new InvalidInputException("--shard '" + option + "': expected i/n, this process's shard i of n"
                    + " (0 <= i < n), for example --shard 0/4");
        }
        int index = number("--shard", text.substring(0, slash));
        int count = number("--shard", text.substring(slash + 1));
        return shard(index, count, "--shard " + option, "give i from 0 to n-1, for example --shard 0/4");
    }

    private static Shard shard(int index, int count, String source, String fix) {
        if (count < 1) {
            throw new InvalidInputException(source + ": the number of shards must be at least 1; " + fix);
        }
        if (index < 0 || index >= count) {
            throw new InvalidInputException(source + ": shard " + index + " is outside 0.." + (count - 1) + "; "
                    + fix);
        }
        return new Shard(index, count);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " '" + value + "': not a whole number; "
                    + (name.startsWith("--") ? "write --shard i/n, for example --shard 0/4"
                    : "it must be set by the scheduler to the task's number, or give --shard i/n instead"));
        }
    }
}
