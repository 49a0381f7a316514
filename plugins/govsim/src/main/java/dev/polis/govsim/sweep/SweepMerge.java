package dev.polis.govsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.api.host.RunFolders;
import dev.polis.api.run.RunRecord;
import dev.polis.api.run.RunStatus;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.GovSimConfig;
import dev.polis.govsim.io.Json;
import dev.polis.govsim.metrics.MetricsCalculator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Gathers the runs of one sweep plan from the folders its shards wrote (one shared folder, or one per machine) and
 * scores them as the sweep does, in plan order, so that the merged summary equals a single-process sweep's.
 *
 * <p>Every folder must hold the same {@code plan.json} fingerprint; mixing plans is a user error (exit 2). A run
 * finished in any folder counts as finished; a run no folder holds is missing; one failed or stopped is failed.
 * Nothing is written into the run folders.
 */
public final class SweepMerge {

    private final RunFolders folders;

    /** Creates a merge that reads run folders through {@code folders}. */
    public SweepMerge(RunFolders folders) {
        this.folders = Objects.requireNonNull(folders, "folders");
    }

    /**
     * Reads the sweep folders {@code sweeps}.
     *
     * @throws InvalidInputException when a folder is missing, has no plan, or holds another plan than the first
     */
    public MergedSweep merge(List<Path> sweeps) {
        PlanFile plan = null;
        Path first = null;
        for (Path sweep : sweeps) {
            if (!Files.isDirectory(sweep)) {
                throw new InvalidInputException(sweep + ": no such folder; give the sweep folders (-o) its shards"
                        + " wrote into");
            }
            PlanFile found = PlanFile.read(sweep).orElseThrow(() -> new InvalidInputException(sweep + ": no "
                    + PlanFile.NAME + ", so it is not a GovSim sweep folder (or one written before shards existed:"
                    + " rerun its sweep command into it once to record the plan)"));
            if (plan == null) {
                plan = found;
                first = sweep;
            } else if (!plan.fingerprint().equals(found.fingerprint())) {
                throw new InvalidInputException(sweep + " holds the runs of another sweep plan than " + first + " ("
                        + PlanFile.NAME + " fingerprints " + found.shortFingerprint() + " and "
                        + plan.shortFingerprint() + "); merge only the folders of one sweep command");
            }
        }
        if (plan == null) {
            throw new InvalidInputException("merge: no folder given; name the sweep folders of the shards");
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        List<RunSpec> missing = new ArrayList<>();
        List<RunOutcome> failed = new ArrayList<>();
        for (RunSpec spec : plan.runs()) {
            Optional<RunOutcome> outcome = find(spec, plan.tuning(), sweeps);
            if (outcome.isEmpty()) {
                missing.add(spec);
                continue;
            }
            outcomes.add(outcome.get());
            if (!outcome.get().finished()) {
                failed.add(outcome.get());
            }
        }
        return new MergedSweep(plan, outcomes, missing, failed);
    }

    /** Returns the run's outcome from the first folder where it finished, else from the first that holds it. */
    private Optional<RunOutcome> find(RunSpec spec, RunTuning tuning, List<Path> sweeps) {
        GovSimConfig config = tuning.apply(GovSimConfig.defaults(spec.scenario(), spec.experiment(), spec.seed()));
        RunOutcome unfinished = null;
        for (Path sweep : sweeps) {
            Path runs = sweep.resolve("runs");
            if (!Files.isDirectory(runs.resolve(spec.id()))) {
                continue;
            }
            RunRecord record = folders.open(runs, spec.id());
            try {
                Optional<RunStatus> status = record.status();
                Path state = record.file(RunStore.STATE);
                if (status.orElse(null) == RunStatus.FINISHED && Files.isRegularFile(state)) {
                    GameState finalState = Json.read(state, GameState.class);
                    return Optional.of(new RunOutcome(spec, finalState,
                            MetricsCalculator.of(config).compute(finalState.months()), null,
                            RunOutcome.Resumed.SKIPPED));
                }
                if (unfinished == null) {
                    GameState last = Files.isRegularFile(state) ? Json.read(state, GameState.class)
                            : GameState.initial(config, spec.society().members().size());
                    unfinished = new RunOutcome(spec, last, null, reason(record, status), RunOutcome.Resumed.SKIPPED);
                }
            } finally {
                record.close();
            }
        }
        return Optional.ofNullable(unfinished);
    }

    private static String reason(RunRecord record, Optional<RunStatus> status) {
        if (status.orElse(null) == RunStatus.FAILED) {
            try {
                JsonNode run = Json.MAPPER.readTree(record.file("run.json").toFile());
                return run.path("error").asText("failed (no reason recorded)");
            } catch (IOException e) {
                return "failed (run.json unreadable: " + e.getMessage() + ")";
            }
        }
        return "started but not finished in " + record.directory() + " (its shard was stopped or is still running;"
                + " rerun the shard's command to resume it)";
    }
}
