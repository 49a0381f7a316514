package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options of {@code polis govsim} that spread a sweep over machines: {@code --shard} (play one slice of the
 * plan) and {@code --emit} (print a SLURM array script or a Kubernetes Indexed Job for the sweep) with the job
 * file's parameters.
 */
final class ScaleOutOptions {

    /** The options that shape the job file rather than the sweep; they are left out of the job's own command. */
    private static final Set<String> JOB_FILE_OPTIONS = Set.of("--emit", "--shards", "--image", "--endpoint",
            "--shard");

    @Option(names = "--shard", paramLabel = "I/N", description = "play only shard I of N (0 <= I < N): the plan's"
            + " runs at positions I, I+N, I+2N, ...; also taken from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or"
            + " JOB_COMPLETION_INDEX/POLIS_SHARD_COUNT; merge the shards with 'polis govsim merge'")
    String shard;

    @Option(names = "--emit", paramLabel = "KIND", description = "print a job file that runs this sweep as shards"
            + " and run nothing: slurm (an sbatch array script) or k8s (a Kubernetes Indexed Job)")
    String emit;

    @Option(names = "--shards", paramLabel = "N", description = "array tasks (slurm) or completions (k8s) of"
            + " --emit's job (default: 4, at most one per run)")
    Integer shards;

    @Option(names = "--image", paramLabel = "NAME", description = "container image of --emit's job with polis on its"
            + " PATH (k8s default: polis:latest; slurm: runs it with apptainer when given)")
    String image;

    @Option(names = "--endpoint", paramLabel = "URL", description = "model server base URL that --emit's job exports"
            + " as POLIS_MODEL_ENDPOINT; write $${POLIS_MODEL_ENDPOINT} in --model or the --config file")
    String endpoint;

    /** Returns the kind of job file asked for ({@code slurm} or {@code k8s}), or {@code null}. */
    String emitKind() {
        if (emit == null) {
            return null;
        }
        String kind = emit.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("slurm") && !kind.equals("k8s")) {
            throw new InvalidInputException("--emit '" + emit + "': expected slurm (an sbatch array script) or k8s"
                    + " (a Kubernetes Indexed Job manifest)");
        }
        return kind;
    }

    /** Returns the shard count of the job file for a plan of {@code runs} runs. */
    int shardCount(int runs) {
        int count = shards == null ? Math.min(4, runs) : shards;
        if (count < 1) {
            throw new InvalidInputException("--shards " + count + ": a job needs at least 1 shard");
        }
        if (count > runs) {
            throw new InvalidInputException("--shards " + count + ": the plan has only " + runs + " runs; give at"
                    + " most " + runs + " (a shard without runs would only wait for its queue slot)");
        }
        return count;
    }

    /** Returns the arguments after {@code govsim} in {@code original}, without the job file's own options. */
    static List<String> sweepArguments(List<String> original) {
        int start = original.indexOf("govsim") + 1;
        List<String> kept = new ArrayList<>();
        for (int i = start; i < original.size(); i++) {
            String arg = original.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (JOB_FILE_OPTIONS.contains(name)) {
                if (!arg.contains("=")) {
                    i++; // its value
                }
                continue;
            }
            kept.add(arg);
        }
        return kept;
    }
}
