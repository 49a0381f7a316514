package dev.polis.guards.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.Privilege;
import dev.polis.guards.chain.BlockSettings;
import dev.polis.guards.chain.LeakGuard;
import dev.polis.guards.detect.Detection;
import dev.polis.guards.detect.DetectionRequest;
import dev.polis.guards.detect.InjectionDetector;
import dev.polis.guards.detect.LogisticModel;
import dev.polis.guards.eval.DetectorReport;
import dev.polis.guards.eval.LabeledText;
import dev.polis.guards.eval.Obfuscations;
import dev.polis.guards.eval.Scored;
import dev.polis.guards.leak.LeakDetector;
import dev.polis.guards.policy.Policies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polis guard eval}: scores every labelled text with the injection detector and prints TPR, FPR and
 * balanced accuracy with 95% intervals per suite and per privilege level, TPR at 1% and 2% FPR, and the worst misses;
 * with {@code --target}, plays the cases against a model ({@link EndToEndRun}); with {@code --leak-suite}, measures
 * the leak guard's detector on output-side leak cases ({@link LeakEvalRun}).
 */
@Command(name = "eval", description = {
    "Measures the injection detector on labelled suites (detector mode), or with --target the guards in front of a",
    "model (end-to-end mode: attack success and over-refusal, guards off and on).",
    "With --leak-suite, measures the leak guard's detector on output-side leak cases (leak mode).",
    "Example: polis guard eval --data shared/data/guards-dev --split test"})
final class EvalCommand implements Callable<Integer> {

    @Mixin
    SuiteOptions data = new SuiteOptions();

    @Option(names = "--split", defaultValue = "all", paramLabel = "all|train|test",
            description = "Which side of the --holdout/--seed split to score (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--model", paramLabel = "<file>", description = "A model from 'polis guard train' (default: the shipped one).")
    Path model;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "<p>",
            description = "Score at which USER-level (and higher) texts are flagged (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--tool-threshold", defaultValue = "0.5", paramLabel = "<p>",
            description = "Score at which TOOL- and MODEL-level texts are flagged (default: ${DEFAULT-VALUE}).")
    double toolThreshold;

    @Option(names = "--uncued-sure", defaultValue = "0.7", paramLabel = "<p>",
            description = "How sure the classifier must be of a USER text no rule matches; below, its score is capped "
                    + "at 0.45 (default: ${DEFAULT-VALUE}; 0.45 or less turns the cap off).")
    double uncuedSure;

    @Option(names = "--target", paramLabel = "<model spec>",
            description = "End-to-end mode: play every case against this chat model with the guards off and on, and "
                    + "report attack success and over-refusal.")
    String target;

    @Option(names = "--on-embedded", defaultValue = "neutralise", paramLabel = "neutralise|refuse",
            description = "End-to-end mode: what the injection guard does with flagged TOOL content "
                    + "(default: ${DEFAULT-VALUE}).")
    String onEmbedded;

    @Option(names = "--judge", paramLabel = "<model spec>",
            description = "End-to-end mode: a judge model the injection guard asks when its score is near the "
                    + "threshold.")
    String judge;

    @Option(names = "--max-per-suite", defaultValue = "0", paramLabel = "<n>",
            description = "Score at most the first n cases of each suite (default: ${DEFAULT-VALUE}, all).")
    int maxPerSuite;

    @Option(names = "--obfuscate", defaultValue = "none", paramLabel = "<transform>",
            description = "Disguise each attack's injected part first: none, base64, rot13, leet, homoglyph, "
                    + "zero-width or tags (default: ${DEFAULT-VALUE}).")
    String obfuscate;

    @ParentCommand
    GuardCommand parent;

    @Option(names = "--worst", defaultValue = "10", paramLabel = "<n>", description = "Misses listed per kind (default: ${DEFAULT-VALUE}).")
    int worst;

    @Option(names = "--leak-suite", paramLabel = "<file.jsonl>",
            description = "Leak mode: measure the leak guard's detector on output-side leak cases, {id, system, "
                    + "[canaries], output, leak, kind: verbatim|canary|paraphrase|none} per line (repeatable).")
    List<Path> leakSuites = new ArrayList<>();

    @Option(names = "--overlap", paramLabel = "<share>",
            description = "Leak mode: the leak guard's 'overlap' setting, the share of the system prompt's word "
                    + "trigrams that counts as a leak (default: the guard's, 0.5).")
    Double overlap;

    @Option(names = "--coverage", paramLabel = "<share>",
            description = "Leak mode: the leak guard's 'coverage' setting, the share of the system prompt's content "
                    + "words that counts as a leak (default: the guard's, 0.6).")
    Double coverage;

    @Option(names = "--cued-coverage", paramLabel = "<share>",
            description = "Leak mode: the leak guard's 'cuedCoverage' setting, the same share for an output that "
                    + "speaks of its instructions (default: the guard's, 0.5).")
    Double cuedCoverage;

    @Option(names = "--paraphrase", arity = "1", paramLabel = "true|false",
            description = "Leak mode: the leak guard's 'paraphrase' setting; false leaves canaries and trigram "
                    + "overlap only (default: the guard's, true).")
    Boolean paraphrase;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!leakSuites.isEmpty()) {
            return leakMode();
        }
        checkThreshold("--threshold", threshold);
        checkThreshold("--tool-threshold", toolThreshold);
        checkThreshold("--uncued-sure", uncuedSure);
        List<LabeledText> items = switch (split.toLowerCase(Locale.ROOT)) {
            case "all" -> data.items();
            case "train" -> data.split().train(data.items());
            case "test" -> data.split().test(data.items());
            default -> throw new InvalidInputException("--split must be all, train or test but was '" + split + "'");
        };
        if (maxPerSuite < 0) {
            throw new InvalidInputException("--max-per-suite must be 0 (all) or more but was " + maxPerSuite);
        }
        if (maxPerSuite > 0) {
            Map<String, Integer> taken = new HashMap<>();
            items = items.stream().filter(i -> taken.merge(i.suite(), 1, Integer::sum) <= maxPerSuite).toList();
        }
        if (!Obfuscations.NAMES.contains(obfuscate)) {
            throw new InvalidInputException("--obfuscate must be one of " + String.join(", ", Obfuscations.NAMES)
                    + " but was '" + obfuscate + "'");
        }
        items = items.stream().map(i -> Obfuscations.apply(obfuscate, i)).toList();
        if (target != null) {
            new EndToEndRun(parent.models(), target, onEmbedded, threshold, toolThreshold, judge, model)
                    .run(items, spec.commandLine().getOut(), worst);
            spec.commandLine().getOut().flush();
            return 0;
        }
        InjectionDetector detector = new InjectionDetector(model == null ? InjectionDetector.shippedModel()
                : read(model), uncuedSure);
        List<Scored> scored = items.stream().map(i -> {
            Detection d = detector.detect(new DetectionRequest(i.text(), i.level(), Policies.of(i.system())));
            String why = String.join(", ", d.families()) + (d.findings().isEmpty() ? "" : "; " + d.findings());
            return new Scored(i, d.score(), why);
        }).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.println("# polis guard eval (detector mode)");
        out.println(String.format(Locale.ROOT, "%d items, split %s (holdout %.2f, seed %d), thresholds USER %.2f / "
                + "TOOL %.2f, uncued USER sure at %.2f, obfuscation %s, model %s", items.size(), split, data.holdout,
                data.seed, threshold, toolThreshold, uncuedSure, obfuscate,
                model == null ? "shipped" : model));
        out.println();
        new DetectorReport(scored, i -> i.level().compareTo(Privilege.USER) >= 0 ? threshold : toolThreshold)
                .print(out, worst);
        out.flush();
        return 0;
    }

    private int leakMode() {
        if (data.data != null || !data.suites.isEmpty() || target != null) {
            throw new InvalidInputException("--leak-suite measures the leak detector alone; run it without --data, "
                    + "--suite and --target");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        leakSetting(settings, "--overlap", "overlap", overlap);
        leakSetting(settings, "--coverage", "coverage", coverage);
        leakSetting(settings, "--cued-coverage", "cuedCoverage", cuedCoverage);
        if (paraphrase != null) {
            settings.put("paraphrase", paraphrase);
        }
        LeakDetector detector = LeakGuard.detector(new BlockSettings(BlockSettings.of(settings), ""));
        String described = detector.coverageThreshold() >= LeakDetector.OFF
                ? String.format(Locale.ROOT, "overlap %.2f, paraphrase false", detector.overlapThreshold())
                : String.format(Locale.ROOT, "overlap %.2f, coverage %.2f, cuedCoverage %.2f",
                        detector.overlapThreshold(), detector.coverageThreshold(), detector.cuedCoverageThreshold());
        new LeakEvalRun(detector, described).run(leakSuites, spec.commandLine().getOut(), worst);
        return 0;
    }

    private static void leakSetting(Map<String, Object> settings, String option, String key, Double value) {
        if (value != null) {
            checkThreshold(option, value);
            settings.put(key, value);
        }
    }

    private static void checkThreshold(String option, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidInputException(option + " must be in (0, 1] but was " + value);
        }
    }

    private static LogisticModel read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            return LogisticModel.read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidInputException("--model " + file + ": " + e.getMessage(), e);
        }
    }
}
