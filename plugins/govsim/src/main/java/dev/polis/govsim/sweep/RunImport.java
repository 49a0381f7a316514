package dev.polis.govsim.sweep;

import dev.polis.api.InvalidInputException;
import dev.polis.api.host.RunFolders;
import dev.polis.api.run.RunRecord;
import dev.polis.govsim.game.CollapseRule;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.game.GameState;
import dev.polis.govsim.game.MonthRecord;
import dev.polis.govsim.io.LogEnvImport;
import dev.polis.govsim.io.OriginalRun;
import dev.polis.govsim.io.OriginalRuns;
import dev.polis.govsim.metrics.MetricsCalculator;
import dev.polis.govsim.metrics.RunMetrics;
import dev.polis.govsim.protocol.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports runs of the original Python GovSim (or old Polis run folders) as the outcomes of a sweep: each gets
 * the same run folder a simulated run gets ({@code spec.json}, {@code events.jsonl}, {@code state.json},
 * {@code log_env.json}, {@code metrics.json}, {@code run.json}), so that the summary and report compare original
 * and Polis runs side by side. Rows group by what the logs record: model ({@code llm.path}), experiment and scenario.
 *
 * <p>Every log is read before anything is written: one malformed file stops the import with its error (exit 2).
 */
public final class RunImport {

    /** The collapse threshold C of the original (5). */
    private static final int COLLAPSE = 5;

    private final Path output;
    private final Integer months;
    private final CollapseRule rule;
    private final Optional<Scenario> scenarioHint;
    private final RunFolders folders;

    /**
     * Creates an import.
     *
     * @param output       the sweep folder; runs go under {@code runs/}
     * @param months       the horizon to score against ({@code --months}), or {@code null} for the log's own
     *                     ({@code max_num_rounds}; else 12, 15 with the newcomer); longer logs are cut to it
     * @param rule         the collapse test
     * @param scenarioHint the scenario of logs that do not say (a single {@code -s}), if any
     * @param folders      opens each run's folder
     */
    public RunImport(Path output, Integer months, CollapseRule rule, Optional<Scenario> scenarioHint,
                     RunFolders folders) {
        this.output = output;
        this.months = months;
        this.rule = rule;
        this.scenarioHint = scenarioHint;
        this.folders = folders;
    }

    /** Reads every run under {@code inputs}, writes their folders and returns their outcomes in input order. */
    public List<RunOutcome> run(List<Path> inputs) {
        List<Loaded> loaded = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long ordinal = 0;
        for (Path input : inputs) {
            for (Path log : OriginalRuns.find(input)) {
                loaded.add(load(OriginalRun.of(log), ++ordinal, ids));
            }
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        for (Loaded run : loaded) {
            outcomes.add(write(run));
        }
        return outcomes;
    }

    private record Loaded(RunSpec spec, OriginalRun source, List<MonthRecord> months, RunMetrics metrics) {
    }

    private Loaded load(OriginalRun source, long ordinal, Set<String> ids) {
        Scenario scenario = source.scenario().or(() -> scenarioHint).orElseThrow(() -> new InvalidInputException(
                source.log() + ": cannot tell its scenario (no .hydra/config.yaml or spec.json beside it, and no "
                        + "fishing, sheep or pollution in its folder names); give it with -s fishery|pasture|pollution"));
        Experiment experiment = source.experiment().orElse(Experiment.DEFAULT);
        int horizon = months != null ? months : source.horizon().orElse(experiment.newcomer() ? 15 : 12);
        int threshold = rule == CollapseRule.PAPER ? COLLAPSE + 1 : COLLAPSE;
        List<MonthRecord> read = LogEnvImport.read(source.log(), threshold);
        List<MonthRecord> kept = read.size() > horizon ? read.subList(0, horizon) : read;
        MetricsCalculator calculator = new MetricsCalculator(horizon, kept.get(0).poolBefore() / 2, COLLAPSE,
                rule == CollapseRule.PAPER);
        String model = source.model().orElse("original");
        int agents = kept.stream().mapToInt(m -> m.agents().size()).max().orElse(5);
        SocietySpec society = new SocietySpec(model, Collections.nCopies(agents, "original:" + model));
        long seed = source.seed().orElse(ordinal);
        RunSpec derived = new RunSpec(society, scenario, experiment, seed);
        String id = derived.id();
        if (ids.contains(id)) {
            id = id + "__" + RunSpec.safe(source.name());
        }
        for (int n = 2; ids.contains(id); n++) {
            id = derived.id() + "__" + RunSpec.safe(source.name()) + "-" + n;
        }
        ids.add(id);
        return new Loaded(new RunSpec(society, scenario, experiment, seed, id), source, kept,
                calculator.compute(kept));
    }

    private RunOutcome write(Loaded run) {
        RunStore store = new RunStore(folders, output.resolve("runs"), run.spec());
        clear(store.directory());
        store.start(run.spec());
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("time", Instant.now().toString());
        origin.put("type", "govsim.import");
        origin.put("source", run.source().log().toAbsolutePath().toString());
        origin.put("months_in_log", run.months().size());
        GameState state = null;
        try {
            store.events(List.of(origin));
            MonthRecord last = run.months().get(run.months().size() - 1);
            List<MonthRecord> done = new ArrayList<>();
            for (MonthRecord month : run.months()) {
                done.add(month);
                state = new GameState(month.month() + 1, month.poolAfter(), month.perAgentThreshold(), month == last,
                        done, Map.of());
                store.month(month, state);
            }
            store.finish(run.metrics());
        } finally {
            store.close();
        }
        return new RunOutcome(run.spec(), state, run.metrics(), null, RunOutcome.Resumed.FRESH);
    }

    /** Removes the records of an earlier import of the same run, so that importing again replaces them. */
    private static void clear(Path folder) {
        for (String name : List.of(RunRecord.EVENTS, RunStore.STATE, RunStore.LOG_ENV, RunRecord.METRICS)) {
            try {
                Files.deleteIfExists(folder.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace " + folder.resolve(name) + ": " + e.getMessage(), e);
            }
        }
    }
}
