package dev.polis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.polis.runtime.train.Trainer;
import dev.polis.runtime.train.TrainingOptions;
import dev.polis.runtime.train.TrainingResult;
import dev.polis.runtime.train.WindowStarts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polis model train}: trains a checkpoint on a byte-level tokenized corpus with a training recipe, writing
 * Hugging Face checkpoints that {@code polis generate} and the {@code local} model load, and resuming from them.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = {
    "Trains a small model on a text corpus (byte-level tokens) and writes Hugging Face checkpoints.",
    "Example: polis model train --arch arch.json --corpus jdk-src --steps 2000 --batch 8 --seq-len 256 "
            + "--lr 1e-3 --out models/java-small",
    "Output: <out>/init (starting weights), <out>/checkpoints/step-N (every --save-every steps), <out>/final, "
            + "<out>/heldout-prompts.jsonl and .txt (prompts from text never trained on).",
    "--resume continues the run in --out from its newest checkpoint with the options stored there."})
public final class ModelTrainCommand implements Callable<Integer> {

    @ParentCommand
    private ModelCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--arch", paramLabel = "<file>", description = "Architecture description (JSON, as for init).")
    private Path arch;

    @Option(names = "--init", paramLabel = "<folder>", description = "Start a new run from the checkpoint in this "
            + "folder (e.g. one 'polis mhmoe init' wrote) instead of seeded weights from --arch.")
    private Path init;

    @Option(names = "--corpus", split = ",", paramLabel = "<files|folders|jdk-src>",
            description = "Text files or folders, or jdk-src: the .java files under java.base/java/ in "
                    + "$JAVA_HOME/lib/src.zip (repeatable, comma-separated).")
    private List<String> corpus = new ArrayList<>();

    @Option(names = "--corpus-limit", defaultValue = "33554432", paramLabel = "<bytes>",
            description = "Read at most this many corpus bytes (default: ${DEFAULT-VALUE}).")
    private long corpusLimit;

    @Option(names = "--out", required = true, paramLabel = "<folder>", description = "The run's folder.")
    private Path out;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "<n>",
            description = "Optimizer steps (default: ${DEFAULT-VALUE}).")
    private long steps;

    @Option(names = "--batch", defaultValue = "8", paramLabel = "<n>",
            description = "Windows per step (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--seq-len", defaultValue = "256", paramLabel = "<n>",
            description = "Tokens per window (default: ${DEFAULT-VALUE}).")
    private int seqLen;

    @Option(names = "--lr", defaultValue = "1e-3", paramLabel = "<rate>",
            description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    private double lr;

    @Option(names = "--warmup", paramLabel = "<steps>", description = "Warm-up steps (default: steps/10, at most 100).")
    private Long warmup;

    @Option(names = "--min-lr-ratio", defaultValue = "0.1", paramLabel = "<r>",
            description = "Final rate / peak (default: ${DEFAULT-VALUE}).")
    private double minLrRatio;

    @Option(names = "--weight-decay", defaultValue = "0.1", paramLabel = "<wd>",
            description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    private double weightDecay;

    @Option(names = "--clip", defaultValue = "1.0", paramLabel = "<norm>",
            description = "Gradient-norm clip, 0 for none (default: ${DEFAULT-VALUE}).")
    private double clip;

    @Option(names = "--eval-every", defaultValue = "0", paramLabel = "<steps>",
            description = "Validate every N steps; 0: at the end only (default: ${DEFAULT-VALUE}).")
    private long evalEvery;

    @Option(names = "--eval-batches", defaultValue = "4", paramLabel = "<n>",
            description = "Validation batches (default: ${DEFAULT-VALUE}).")
    private int evalBatches;

    @Option(names = "--save-every", defaultValue = "0", paramLabel = "<steps>",
            description = "Checkpoint every N steps; 0: at the end only (default: ${DEFAULT-VALUE}).")
    private long saveEvery;

    @Option(names = "--log-every", defaultValue = "10", paramLabel = "<steps>",
            description = "Progress line every N steps (default: ${DEFAULT-VALUE}).")
    private long logEvery;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "<n>",
            description = "Seed of batches, dropout and the corpus shuffle (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--window-starts", defaultValue = "anywhere", paramLabel = "<anywhere|documents>",
            description = "Where a training window starts: anywhere, or at the start of the document holding a "
                    + "position drawn anywhere, so a document shorter than --seq-len is seen whole and every distance "
                    + "inside it is trained as often (default: ${DEFAULT-VALUE}).")
    private String windowStarts;

    @Option(names = "--heldout-fraction", defaultValue = "0.02", paramLabel = "<f>",
            description = "Corpus fraction held out (default: ${DEFAULT-VALUE}).")
    private double heldoutFraction;

    @Option(names = "--prompts", defaultValue = "32", paramLabel = "<n>",
            description = "Held-out prompts to write (default: ${DEFAULT-VALUE}).")
    private int prompts;

    @Option(names = "--recipe", defaultValue = "plain", paramLabel = "<id>",
            description = "Training recipe: plain, or a plugin's (layerskip) (default: ${DEFAULT-VALUE}).")
    private String recipe;

    @Option(names = "--recipe-option", paramLabel = "<key=value>",
            description = "A recipe setting (repeatable), e.g. p_max=0.2.")
    private Map<String, String> recipeOptions = new LinkedHashMap<>();

    @Option(names = "--resume", description = "Continue the run in --out from its newest checkpoint.")
    private boolean resume;

    @Option(names = "--stop-at", paramLabel = "<step>",
            description = "Checkpoint and stop after this many steps (resume later).")
    private Long stopAt;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        TrainingOptions options = new TrainingOptions(corpus, corpusLimit, steps, batch, seqLen, lr,
                warmup != null ? warmup : Math.min(100, steps / 10), minLrRatio, weightDecay, 0.9, 0.95, clip,
                evalEvery, evalBatches, saveEvery, logEvery, seed, heldoutFraction, prompts, recipe,
                OptionValues.parse(recipeOptions), WindowStarts.parse(windowStarts, "--window-starts"));
        TrainingResult result = new Trainer(parent.recipes(), parent.settings(), log)
                .train(out, arch, init, options, resume, stopAt == null ? Long.MAX_VALUE : stopAt);
        log.printf("trained steps %d..%d: %,.0f tokens/s, last loss %.4f, %s; checkpoint %s%n",
                result.startStep(), result.step(), result.tokensPerSecond(),
                result.losses().isEmpty() ? Double.NaN : result.losses().get(result.losses().size() - 1),
                validation(result.validationLoss()), result.checkpoint());
        log.flush();
        return 0;
    }

    /** Words for the run's last validation loss: the figure, or why there is none (NaN: not validated yet). */
    static String validation(double loss) {
        return Double.isNaN(loss)
                ? "not validated (a run validates at its last step and every --eval-every steps)"
                : String.format(Locale.ROOT, "validation loss %.4f", loss);
    }
}
