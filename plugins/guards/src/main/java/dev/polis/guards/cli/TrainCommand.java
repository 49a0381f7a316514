package dev.polis.guards.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.guards.detect.Domain;
import dev.polis.guards.detect.Example;
import dev.polis.guards.detect.HashedFeatures;
import dev.polis.guards.detect.LogisticModel;
import dev.polis.guards.detect.Passages;
import dev.polis.guards.detect.Trainer;
import dev.polis.guards.eval.JsonlSuite;
import dev.polis.guards.eval.LabeledText;
import dev.polis.guards.text.Normaliser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polis guard train}: trains the injection classifier on the training side of a grouped split and writes it
 * in the text format the guards read. Attacks contribute their injected part; benign texts every passage.
 */
@Command(name = "train", description = {
    "Trains the injection classifier (logistic regression over hashed n-grams and rule families).",
    "Example: polis guard train --data shared/data/guards-dev --suite plugins/guards/data/benign-handwritten.jsonl "
            + "--out injection-model.txt"})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    SuiteOptions data = new SuiteOptions();

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "Where to write the model.")
    Path out;

    @Option(names = "--train-suite", paramLabel = "<file.jsonl>",
            description = "A suite in the JSONL format used whole for training, never held out (repeatable): texts "
                    + "written for training only, so that a held-out evaluation of --data and --suite stays the same.")
    List<Path> trainSuites = new ArrayList<>();

    @Option(names = "--epochs", defaultValue = "40", paramLabel = "<n>", description = "Passes (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--l2", defaultValue = "1e-4", paramLabel = "<penalty>",
            description = "The L2 penalty per step (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--bits", defaultValue = "20", paramLabel = "<n>",
            description = "Hash bits: 2^n feature buckets, in [8, 24] (default: ${DEFAULT-VALUE}).")
    int bits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<LabeledText> items = data.items();
        List<LabeledText> train = new ArrayList<>(data.split().train(items));
        int splitSide = train.size();
        trainSuites.forEach(s -> train.addAll(JsonlSuite.read(s)));
        List<Example> examples = new ArrayList<>();
        for (LabeledText item : train) {
            Domain domain = Domain.of(item.level());
            if (item.attack()) {
                examples.add(new Example(item.payload(), true, domain));
                if (domain == Domain.EMBEDDED && !item.payload().equals(item.text())) {
                    // the same request from a user is aligned, not an injection
                    examples.add(new Example(item.payload(), false, Domain.DIRECT));
                }
            } else {
                Passages.of(Normaliser.clean(item.text())).forEach(p -> examples.add(new Example(p, false, domain)));
            }
        }
        long attacks = examples.stream().filter(Example::attack).count();
        Trainer trainer = new Trainer(epochs, Trainer.defaults(data.seed).learningRate(), l2,
                data.seed);
        List<String> notes = List.of(
                "polis guard injection model (logistic regression over hashed character 3-5-grams, word 1-2-grams, "
                        + "rule families)",
                "trained by: polis guard train" + (data.data == null ? "" : " --data " + data.data)
                        + data.suites.stream().map(s -> " --suite " + s).reduce("", String::concat)
                        + trainSuites.stream().map(s -> " --train-suite " + s).reduce("", String::concat)
                        + " --holdout " + data.holdout + " --seed " + data.seed + " --epochs " + epochs + " --l2 " + l2
                        + (bits == HashedFeatures.DEFAULT_BITS ? "" : " --bits " + bits),
                "training side: " + train.size() + " items (" + splitSide + " of "
                        + items.size() + " with groups held out at share " + data.holdout + ", the rest from "
                        + "--train-suite), " + attacks + " attack passages, " + (examples.size() - attacks)
                        + " benign passages");
        if (bits < 8 || bits > 24) {
            throw new InvalidInputException("--bits must be in [8, 24] but was " + bits);
        }
        LogisticModel model = trainer.train(examples, new HashedFeatures(bits), notes);
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(out)) {
                model.write(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        notes.forEach(n -> spec.commandLine().getOut().println(n));
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
