package dev.polis.govsim.sweep;

import dev.polis.api.host.RunFolders;
import dev.polis.api.run.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * Runs a sweep's runs in parallel (at most {@link SweepOptions#parallelism()} at once) and collects their outcomes.
 *
 * <p>Each run writes its records as it goes. Running the same sweep again into the same folder skips finished
 * runs and continues the others from their last finished month.
 */
public final class SweepRunner {

    private final SweepOptions options;
    private final AgentFactory agents;
    private final RunFolders folders;

    /**
     * Creates a runner.
     *
     * @param options how the sweep runs
     * @param agents  makes each run's members
     * @param folders opens each run's folder in the host's format ({@code run.json}, {@code metrics.json})
     */
    public SweepRunner(SweepOptions options, AgentFactory agents, RunFolders folders) {
        this.options = Objects.requireNonNull(options, "options");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.folders = Objects.requireNonNull(folders, "folders");
    }

    /**
     * Runs every run of {@code plan}; {@code progress} makes the progress display for a total.
     *
     * @throws CancellationException when the calling thread is interrupted; finished months stay recorded
     */
    public List<RunOutcome> run(SweepPlan plan, BiFunction<String, Long, Progress> progress) {
        List<RunSpec> runs = plan.runs();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), daemon("govsim-run"));
        ExecutorService harvest = options.concurrentHarvest() ? Executors.newVirtualThreadPerTaskExecutor() : null;
        RunExecution execution = new RunExecution(options, agents, folders, harvest);
        try (Progress bar = progress.apply("govsim sweep", (long) runs.size())) {
            List<Future<RunOutcome>> futures = new ArrayList<>();
            for (RunSpec spec : runs) {
                futures.add(pool.submit(() -> {
                    RunOutcome outcome = execution.run(spec);
                    bar.advance(1);
                    bar.status(spec.id());
                    return outcome;
                }));
            }
            List<RunOutcome> outcomes = new ArrayList<>();
            for (Future<RunOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the sweep was interrupted; run it again with the same output folder to"
                    + " resume");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            if (harvest != null) {
                harvest.shutdownNow();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
    }
}
