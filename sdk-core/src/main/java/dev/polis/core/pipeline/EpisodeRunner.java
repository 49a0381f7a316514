package dev.polis.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.core.config.AgentConfig;
import dev.polis.core.config.PipelineConfig;
import dev.polis.core.config.ResolvedConfigWriter;
import dev.polis.core.config.ResolvedPipeline;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.Models;
import dev.polis.core.run.RecordingOptions;
import dev.polis.core.run.RunFolder;
import dev.polis.core.run.RunIds;
import dev.polis.core.run.RunInfo;
import dev.polis.core.run.RunRecorder;
import dev.polis.api.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pipeline as one episode and records it in its run folder.
 *
 * <p>It creates the environment, each agent's chat model and each agent through their providers, plays the
 * episode, and writes {@code metrics.json} (the environment's metrics plus {@code reward.<agent>} totals and
 * {@code steps}). Everything created is closed, also on failure; a failure marks {@code run.json} failed
 * with its message and is rethrown. A run id whose folder says finished is not run again.
 */
public final class EpisodeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EpisodeRunner.class);

    private final Extensions registry;
    private final Models models;
    private final RecordingOptions options;

    /**
     * Creates a runner that finds extensions in {@code registry}, creates models through {@code models} and
     * records runs as {@code options} say.
     */
    public EpisodeRunner(Extensions registry, Models models, RecordingOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.models = Objects.requireNonNull(models, "models");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Runs a resolved (validated) pipeline.
     *
     * @throws dev.polis.api.InvalidInputException when the configuration names something that does not exist
     * @throws RuntimeException                    whatever an extension failed with, after the run is marked failed
     */
    public RunResult run(ResolvedPipeline pipeline) {
        PipelineConfig config = pipeline.config();
        String runId = config.run().id() != null ? config.run().id()
                : RunIds.fresh(options.clock(), ThreadLocalRandom.current());
        RunFolder folder = RunFolder.of(config.run().outputDirectory(), runId);
        Optional<RunInfo> earlier = folder.readInfo();
        if (earlier.isPresent() && earlier.get().status() == RunStatus.FINISHED) {
            LOG.info("run {} already finished in {}; not running it again (choose another run id to repeat it)",
                    runId, folder.directory());
            return new RunResult(runId, folder.directory(), RunStatus.FINISHED, folder.readMetrics(), true);
        }
        earlier.ifPresent(info -> LOG.info("run {} was {} before; running it again from the start", runId,
                info.status().wireName()));
        boolean fresh = !Files.exists(folder.directory());
        RunRecorder recorder = RunRecorder.start(folder, config.run().seed(), ResolvedConfigWriter.toYaml(pipeline),
                pipeline.overrides(), options);
        AtomicBoolean assembled = new AtomicBoolean();
        boolean discard = false;
        try {
            Map<String, Double> metrics = play(pipeline, recorder, assembled);
            recorder.events().emit("run.finished", Map.of("metrics", metrics));
            recorder.finish(metrics);
            return new RunResult(runId, folder.directory(), RunStatus.FINISHED, metrics, false);
        } catch (RuntimeException | Error e) {
            // a configuration error found while assembling a new run leaves no folder: nothing ran
            discard = fresh && !assembled.get() && e instanceof InvalidInputException;
            if (!discard) {
                recordFailure(recorder, e);
            }
            throw e;
        } finally {
            recorder.close();
            if (discard) {
                delete(folder.directory());
            }
        }
    }

    /** Removes the folder of a run that never started, with what its recorder had written. */
    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the folder {} of a run refused for its configuration: {}", directory,
                    e.getMessage());
        }
    }

    private Map<String, Double> play(ResolvedPipeline pipeline, RunRecorder recorder, AtomicBoolean assembled) {
        PipelineConfig config = pipeline.config();
        recorder.events().emit("run.started", started(pipeline, recorder));
        Closer closer = new Closer();
        EpisodeOutcome outcome = null;
        Throwable failure = null;
        try {
            Society society = new SocietyAssembler(registry, models).assemble(pipeline, recorder, closer);
            assembled.set(true);
            outcome = new EpisodeLoop(society, recorder, config.run().steps()).play();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        failure = closer.closeAll(failure);
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new PolisException(failure.getMessage(), failure);
        }
        return metrics(outcome);
    }

    private static Map<String, Object> started(ResolvedPipeline pipeline, RunRecorder recorder) {
        PipelineConfig config = pipeline.config();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("runId", recorder.runId());
        fields.put("seed", recorder.seed());
        fields.put("steps", config.run().steps());
        fields.put("environment", config.environment().id());
        fields.put("agents", config.agents().stream().map(AgentConfig::id).toList());
        fields.put("runtime", config.runtime());
        fields.put("overrides", pipeline.overrides());
        return fields;
    }

    private static Map<String, Double> metrics(EpisodeOutcome outcome) {
        Map<String, Double> metrics = new LinkedHashMap<>(outcome.metrics());
        outcome.totalRewards().forEach((agent, total) -> metrics.put("reward." + agent, total));
        metrics.put("steps", (double) outcome.steps());
        return metrics;
    }

    private static void recordFailure(RunRecorder recorder, Throwable error) {
        try {
            recorder.events().emit("run.failed", Map.of("error", String.valueOf(error.getMessage()),
                    "type", error.getClass().getName()));
        } catch (RuntimeException e) {
            error.addSuppressed(e);
        }
        try {
            recorder.fail(error);
        } catch (RuntimeException e) {
            error.addSuppressed(e);
        }
    }

}
