package dev.polis.govsim.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.HostEnvironment;
import dev.polis.api.host.Models;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.host.RunFolders;
import dev.polis.api.host.SettingsFactory;
import dev.polis.govsim.agent.llm.LlmAgentSettings;
import dev.polis.govsim.game.CollapseRule;
import dev.polis.govsim.game.Experiment;
import dev.polis.govsim.metrics.RunMetrics;
import dev.polis.govsim.metrics.TableRow;
import dev.polis.govsim.protocol.Scenario;
import dev.polis.govsim.report.SweepResults;
import dev.polis.govsim.report.SummaryTable;
import dev.polis.govsim.sweep.RunImport;
import dev.polis.govsim.sweep.PlanFile;
import dev.polis.govsim.sweep.RunOutcome;
import dev.polis.govsim.sweep.RunTuning;
import dev.polis.govsim.sweep.Shard;
import dev.polis.govsim.sweep.SocietySpec;
import dev.polis.govsim.sweep.SweepOptions;
import dev.polis.govsim.sweep.SweepPlan;
import dev.polis.govsim.sweep.SweepRunner;
import dev.polis.govsim.text.PromptPack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polis govsim}: sweeps GovSim societies over scenarios, experiments and seeds, and writes the summary and report. */
@Command(name = "govsim", description = {
    "Runs GovSim commons (fishery, pasture, pollution): societies of agents x experiments x scenarios x seeds,",
    "in parallel and resumable, then prints a Table-1-style summary and writes summary.csv, summary.json and",
    "report.html. Without --model or --society it runs the reference policies. --shard plays one slice of the",
    "sweep (SLURM arrays and Kubernetes Indexed Jobs are read from the environment); 'merge' joins the shards."},
    subcommands = GovSimMergeCommand.class)
public final class GovSimCommand implements Callable<Integer> {

    static final List<String> DEFAULT_SOCIETIES = List.of("sustainable=sustainable*5",
            "universalization=universalization*5", "mixed=universalization*4,greedy", "fixed-12=fixed:12*5",
            "random=random*5");

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--scenario"}, split = ",", paramLabel = "ID",
            description = "fishery, pasture, pollution (default: all three)")
    List<String> scenarios;

    @Option(names = {"-e", "--experiment"}, split = ",", paramLabel = "ID",
            description = "default, universalization, no-communication, newcomer; combine with '+' (default: default)")
    List<String> experiments;

    @Option(names = "--seeds", paramLabel = "LIST", description = "seeds, e.g. 1-5 or 0,21,42 (default: 1-5)")
    String seeds;

    @Option(names = "--society", paramLabel = "SPEC",
            description = "name=member,member*k,... ; members: fixed:<n>, sustainable, greedy[:<fraction>], random[:<max>],"
                    + " universalization, llm:<model spec>, agent:<agent provider id> (any agent plugin; repeatable)")
    List<String> societies;

    @Option(names = "--model", paramLabel = "SPEC",
            description = "every agent is the LLM agent govsim.llm on this model (repeatable: one society per model)")
    List<String> models;

    @Option(names = "--agent-setting", paramLabel = "KEY=VALUE",
            description = "a setting of every LLM agent (govsim.llm), e.g. rateImportance=false, rulesRole=user,"
                    + " prompts=my-prompts, frameworkModel=<spec>; repeatable; wins over the config file")
    List<String> agentSettings;

    @Option(names = "--prompts", paramLabel = "DIR", description = "a prompt pack: a folder whose .txt files replace"
            + " any of GovSim's texts (environment sentences, goals, every agent and framework prompt) for the"
            + " environment and every LLM agent; wins over the config file's prompts")
    Path prompts;

    @Option(names = "--print-prompts", description = "print every text and prompt of one month (first --scenario,"
            + " --prompts pack, --agent-setting layout/prefill/rulesRole/chainOfThought) and run nothing")
    boolean printPrompts;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML/JSON file with societies (per-agent models),"
            + " scenarios, experiments, seeds")
    Path config;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N", description = "runs played at once (default: CPU cores)")
    int parallel = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "sweep folder; rerun to resume (default: govsim-out)")
    Path output = Path.of("govsim-out");

    @Option(names = "--collapse-rule", paramLabel = "RULE", description = "code (< 5 collapses; default) or paper (<= 5)")
    String collapseRule = "code";

    @Option(names = "--clamp-requests", description = "clamp each request to the pool (the original does not)")
    boolean clampRequests;

    /** The longest horizon {@code --months} accepts. */
    static final int MAX_MONTHS = 1200;

    @Option(names = "--months", paramLabel = "N", description = "horizon override, 1 to 1200 (default 12; 15 with"
            + " newcomer)")
    Integer months;

    @Option(names = "--import", paramLabel = "PATH", description = "score original GovSim runs instead of running:"
            + " a log_env.json, its run folder or a folder of run folders (repeatable); writes run folders, summary and"
            + " report into -o like a sweep; honours --months, --collapse-rule and -s (for logs that do not say)")
    List<Path> imports;

    @Mixin
    ScaleOutOptions scaleOut = new ScaleOutOptions();

    private Optional<Path> pack = Optional.empty();
    private final Models hostModels;
    private final SettingsFactory settings;
    private final RunFolders folders;
    private final ProgressDisplay progress;
    private final Extensions extensions;
    private final HostEnvironment environment;

    /** Creates the command over the host's services, seeing no environment variables (no scheduler's shard). */
    public GovSimCommand(Models models, SettingsFactory settings, RunFolders folders, ProgressDisplay progress,
                         Extensions extensions) {
        this(models, settings, folders, progress, extensions, HostEnvironment.none());
    }

    /**
     * Creates the command over the host's services.
     *
     * @param models   creates the LLM members' models (operator choices applied, calls recorded per run)
     * @param settings reads {@code --config} and checks the LLM members' settings
     * @param folders  opens each run's folder
     * @param progress   shows the sweep's progress
     * @param extensions  finds the agent providers of {@code agent:<id>} members
     * @param environment the invocation's variables: a SLURM array task's or Kubernetes pod's shard
     */
    public GovSimCommand(Models models, SettingsFactory settings, RunFolders folders, ProgressDisplay progress,
                         Extensions extensions, HostEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.hostModels = Objects.requireNonNull(models, "models");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.folders = Objects.requireNonNull(folders, "folders");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        if (imports != null && !imports.isEmpty()) {
            return importRuns(out);
        }
        if (months != null) {
            checkMonths(); // before any run folder is made
        }
        GovSimFile file = config == null ? null : GovSimFile.read(config, settings);
        pack = prompts != null ? Optional.of(prompts)
                : Optional.ofNullable(file == null ? null : file.prompts()).map(Path::of);
        pack.ifPresent(PromptPack::of);
        SweepPlan plan = plan(file);
        if (printPrompts) {
            Map<String, Object> llm = new java.util.LinkedHashMap<>();
            if (file != null && file.agentSettings() != null) {
                llm.putAll(file.agentSettings());
            }
            llm.putAll(SettingPairs.parse("--agent-setting", agentSettings));
            LlmAgentSettings agent = LlmAgentSettings.from(settings.of(llm, ModelAgentFactory.LLM_AGENT));
            PromptPrinter.print(out, plan.scenarios().getFirst(), PromptPack.of(pack),
                    agent, models == null || models.isEmpty() ? null : models.getFirst());
            return 0;
        }
        RunTuning tuning = RunTuning.of(months, parseRule(), clampRequests, pack);
        String emit = scaleOut.emitKind();
        if (emit != null) {
            return JobEmission.print(out, emit, scaleOut, plan.runs().size(), spec, output);
        }
        Optional<Shard> shard = ShardChoice.resolve(scaleOut.shard, environment);
        SweepOptions options = new SweepOptions(output, parallel,
                plan.societies().stream().anyMatch(SocietySpec::usesModels), "greedy", tuning);
        long start = System.nanoTime();
        List<RunOutcome> outcomes = new SweepRunner(options, new ModelAgentFactory(hostModels, settings, extensions), folders)
                .run(PlanFile.of(plan, tuning), shard, progress::start);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path results = shard.map(s -> output.resolve("shards").resolve(s.folderName())).orElse(output);
        List<TableRow> rows = SweepResults.write(results, "GovSim sweep" + shard.map(s -> ", shard " + s.label())
                .orElse(""), outcomes);
        Path report = results.resolve("report.html");
        shard.ifPresent(s -> out.printf(Locale.ROOT, "GovSim shard %s of a %d-run plan: the table below is this"
                + " shard's runs only; when every shard has ended: polis govsim merge %s%n", s.label(),
                plan.runs().size(), output));
        long skipped = outcomes.stream().filter(o -> o.resumed() == RunOutcome.Resumed.SKIPPED).count();
        long failed = outcomes.stream().filter(o -> !o.finished()).count();
        out.printf(Locale.ROOT, "GovSim: %d runs (%d already done, %d failed) in %.1f s%n%n", outcomes.size(), skipped,
                failed, seconds);
        out.print(SummaryTable.format(rows));
        out.printf("%nReport:  %s%nSummary: %s%n", report.toAbsolutePath(), results.resolve("summary.csv").toAbsolutePath());
        if (failed > 0) {
            out.printf(Locale.ROOT, "%nFailed runs (%d; rerun the same command to resume them):%n", failed);
            outcomes.stream().filter(o -> !o.finished()).forEach(o -> out.printf(Locale.ROOT, "  %s (%s): %s%n",
                    o.spec().id(), options.runs().resolve(o.spec().id()), o.error()));
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private SweepPlan plan(GovSimFile file) {
        List<SocietySpec> list = new ArrayList<>();
        if (file != null) {
            list.addAll(file.toSocieties());
        }
        if (societies != null) {
            societies.forEach(s -> list.add(SocietySpec.parse(s)));
        }
        if (models != null) {
            models.forEach(m -> list.add(new SocietySpec(m, java.util.Collections.nCopies(5, "llm:" + m))));
        }
        if (list.isEmpty()) {
            DEFAULT_SOCIETIES.forEach(s -> list.add(SocietySpec.parse(s)));
        }
        Map<String, Object> overrides = SettingPairs.parse("--agent-setting", agentSettings);
        pack.ifPresent(folder -> list.replaceAll(society -> society.withLlmSettings(Map.of("prompts",
                folder.toString()))));
        list.replaceAll(society -> society.withLlmSettings(overrides));
        list.forEach(this::checkLlmSettings);
        List<String> scenarioIds = scenarios != null ? scenarios
                : file != null && file.scenarios() != null ? file.scenarios() : List.of("fishery", "pasture", "pollution");
        List<Scenario> scenarioList = new ArrayList<>();
        for (String id : scenarioIds) {
            try {
                scenarioList.add(Scenario.parse(id));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--scenario: " + e.getMessage());
            }
        }
        List<String> experimentIds = experiments != null ? experiments
                : file != null && file.experiments() != null ? file.experiments() : List.of("default");
        List<Long> seedList = seeds != null ? Seeds.parse(seeds)
                : file != null && file.seeds() != null ? file.seeds() : Seeds.parse("1-5");
        return new SweepPlan(list, experimentIds.stream().map(Experiment::parse).toList(), scenarioList, seedList);
    }

    /** Reads every LLM member's settings once, so a wrong key or value stops the command before any run. */
    private void checkLlmSettings(SocietySpec society) {
        for (int i = 0; i < society.members().size(); i++) {
            if (society.members().get(i).startsWith("llm")) {
                LlmAgentSettings.from(settings.of(society.settingsOf(i), ModelAgentFactory.LLM_AGENT));
            }
        }
    }

    private CollapseRule parseRule() {
        try {
            return CollapseRule.valueOf(collapseRule.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--collapse-rule '" + collapseRule + "': expected code or paper");
        }
    }

    /** Returns the service run folders are opened with (for {@code merge}). */
    RunFolders folders() {
        return folders;
    }

    /** Refuses a horizon below 1 or above {@value #MAX_MONTHS} months. */
    private void checkMonths() {
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidInputException("--months " + months + ": must be from 1 to " + MAX_MONTHS + " (the paper"
                    + " plays 12; a run's time grows with the square of its months: 3,000 months took 107 s)");
        }
    }

    private int importRuns(PrintWriter out) {
        CollapseRule rule = parseRule();
        if (months != null) {
            checkMonths();
        }
        Optional<Scenario> hint = Optional.empty();
        if (scenarios != null && scenarios.size() > 1) {
            throw new InvalidInputException("--scenario with --import takes one scenario: the one of logs that do "
                    + "not record theirs (got " + String.join(",", scenarios) + ")");
        }
        if (scenarios != null) {
            try {
                hint = Optional.of(Scenario.parse(scenarios.get(0)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--scenario: " + e.getMessage());
            }
        }
        List<RunOutcome> outcomes = new RunImport(output, months, rule, hint, folders).run(imports);
        List<TableRow> rows = SweepResults.write(output, "GovSim import", outcomes);
        Path report = output.resolve("report.html");
        out.printf(Locale.ROOT, "GovSim: %d imported runs%n%n", outcomes.size());
        out.println("run  survival_months  survived  complete  gain  efficiency  equality  over_usage");
        for (RunOutcome outcome : outcomes) {
            RunMetrics m = outcome.metrics();
            out.printf(Locale.ROOT, "%s  %d  %s  %s  %.2f  %.2f  %s  %.2f%n", outcome.spec().id(), m.survivalMonths(),
                    m.survived(), m.complete(), m.gain(), m.efficiency(),
                    m.equalityDefined() ? String.format(Locale.ROOT, "%.2f", m.equality()) : "n/a", m.overUsage());
        }
        out.println();
        out.print(SummaryTable.format(rows));
        out.printf("%nReport:  %s%nSummary: %s%n", report.toAbsolutePath(), output.resolve("summary.csv").toAbsolutePath());
        out.flush();
        return 0;
    }
}
