package dev.polis.govsim.sweep;

import dev.polis.api.InvalidInputException;
import dev.polis.api.host.RunFolders;
import dev.polis.api.run.Progress;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        prepare(options.runs());
        return play(plan.runs(), progress);
    }

    /**
     * Records {@code plan} in the sweep folder ({@link PlanFile#record}: a shard refuses a folder of another plan),
     * then runs its runs, or only {@code shard}'s when given.
     *
     * @throws CancellationException when the calling thread is interrupted; finished months stay recorded
     */
    public List<RunOutcome> run(PlanFile plan, Optional<Shard> shard, BiFunction<String, Long, Progress> progress) {
        prepare(options.runs());
        plan.record(options.output(), shard.isPresent());
        return play(shard.map(s -> s.select(plan.runs())).orElse(plan.runs()), progress);
    }

    private List<RunOutcome> play(List<RunSpec> runs, BiFunction<String, Long, Progress> progress) {
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

    /**
     * Creates the folder of the run folders before any run, so that an output path that cannot hold them stops the
     * sweep with one message naming it, not once per run.
     */
    private void prepare(Path runs) {
        for (Path folder = runs; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new InvalidInputException("-o " + options.output() + ": " + folder + " is a file, not a folder;"
                        + " choose a folder for the sweep's records (one that does not exist yet, or an earlier"
                        + " sweep's to resume it)");
            }
        }
        try {
            Files.createDirectories(runs);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new InvalidInputException("-o " + options.output() + ": " + e.getFile() + " is a file, not a folder;"
                    + " choose a folder for the sweep's records (one that does not exist yet, or an earlier sweep's to"
                    + " resume it)", e);
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "a folder above it cannot be created there"
                    : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : String.valueOf(e.getMessage());
            throw new InvalidInputException("-o " + options.output() + ": cannot create the folder " + runs + " ("
                    + why + "); choose a folder you may write to", e);
        }
        if (!Files.isWritable(runs)) {
            throw new InvalidInputException("-o " + options.output() + ": the folder " + runs + " cannot be written;"
                    + " choose a folder you may write to or change its permissions");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
    }
}
