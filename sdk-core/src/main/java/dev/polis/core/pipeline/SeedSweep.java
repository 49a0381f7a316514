package dev.polis.core.pipeline;

import dev.polis.api.InvalidInputException;
import dev.polis.core.config.ResolvedPipeline;
import dev.polis.core.config.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Plays one pipeline once per seed, each seed a run of its own ({@code <base>-seed<k>} in the pipeline's output
 * folder), so any environment that follows the contract gets sweeps and resume: a seed whose run finished before
 * is not played again, a failed or killed one is played again from its start, and one failed seed does not stop the
 * others. {@link SweepSummary} summarises the metrics over the seeds.
 */
public final class SeedSweep {

    private SeedSweep() {
    }

    /**
     * One seed's outcome.
     *
     * @param seed   the seed
     * @param runId  its run id
     * @param result what the run produced, or {@code null} when it failed
     * @param error  why it failed, or {@code null}
     */
    public record SeedRun(long seed, String runId, RunResult result, String error) {

        /** Returns whether the run finished (now or before). */
        public boolean finished() {
            return result != null;
        }
    }

    /**
     * Plays {@code pipeline} for each seed through {@code runner} (the core episode runner).
     *
     * @param base the run ids' prefix: the pipeline's {@code run.id}, else the caller's choice (a file name)
     * @throws InvalidInputException when the pipeline names something that does not exist (the first seed says so)
     */
    public static List<SeedRun> run(ResolvedPipeline pipeline, String base, List<Long> seeds,
                                    Function<ResolvedPipeline, RunResult> runner) {
        Objects.requireNonNull(runner, "runner");
        RunConfig run = pipeline.config().run();
        String prefix = run.id() != null ? run.id() : base;
        List<SeedRun> runs = new ArrayList<>();
        for (long seed : seeds) {
            String id = prefix + "-seed" + seed;
            ResolvedPipeline one = new ResolvedPipeline(pipeline.config().withRun(
                    new RunConfig(id, seed, run.steps(), run.output())), pipeline.source(), pipeline.locations(),
                    pipeline.secrets(), pipeline.overrides());
            try {
                runs.add(new SeedRun(seed, id, runner.apply(one), null));
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException e) {
                runs.add(new SeedRun(seed, id, null, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return List.copyOf(runs);
    }

    /**
     * Reads a seed list: numbers and ranges separated by commas, {@code 1-5}, {@code 1,3,9}, {@code 1-3,10}.
     *
     * @throws InvalidInputException naming {@code option} and the part that is wrong
     */
    public static List<Long> parseSeeds(String option, String text) {
        Set<Long> seeds = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            int dash = trimmed.indexOf('-', 1);
            try {
                long from = Long.parseLong(dash < 0 ? trimmed : trimmed.substring(0, dash).trim());
                long to = dash < 0 ? from : Long.parseLong(trimmed.substring(dash + 1).trim());
                if (to < from || to - from >= 100_000) {
                    throw new NumberFormatException();
                }
                for (long seed = from; seed <= to; seed++) {
                    seeds.add(seed);
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException(option + " '" + text + "': '" + trimmed + "' is not a seed or a range"
                        + " from-to (write for example 1-5 or 1,3,9)");
            }
        }
        return List.copyOf(seeds);
    }
}
