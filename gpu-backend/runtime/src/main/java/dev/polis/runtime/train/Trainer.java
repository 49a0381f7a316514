package dev.polis.runtime.train;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.polis.api.InvalidInputException;
import dev.polis.api.host.SettingsFactory;
import dev.polis.runtime.checkpoint.ArchitectureSpec;
import dev.polis.runtime.checkpoint.CheckpointInitializer;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.engine.DjlEnvironment;
import dev.polis.runtime.engine.PyTorchEngine;
import dev.polis.runtime.model.Rope;

/**
 * The training loop of {@code polis model train}: loads or initialises a checkpoint, reads and splits the corpus,
 * writes the held-out prompts, then runs AdamW steps with the recipe's layer dropout and early-exit loss, logs
 * progress, validates and checkpoints; resumes from the newest checkpoint of its output folder.
 *
 * <p>Every step runs in a sub-manager and an {@link NDScope}, so native memory stays flat over a long run.
 */
public final class Trainer {

    private final RecipeLookup recipes;
    private final SettingsFactory settings;
    private final PrintWriter log;

    /**
     * Creates a trainer that finds recipes with {@code recipes}, hands them their options as settings made by
     * {@code settings}, and reports progress to {@code log}.
     */
    public Trainer(RecipeLookup recipes, SettingsFactory settings, PrintWriter log) {
        this.recipes = recipes;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Trains into {@code out}.
     *
     * @param arch    the architecture description for a fresh run (ignored when resuming)
     * @param options the run's options (when resuming, those stored in the checkpoint apply instead)
     * @param resume  continue from the newest checkpoint in {@code out}
     * @param stopAt  stop (after checkpointing) once this many steps are done; {@code Long.MAX_VALUE} runs to the end
     * @throws InvalidInputException on a bad corpus, architecture, option or recipe
     */
    public TrainingResult train(Path out, Path arch, TrainingOptions options, boolean resume, long stopAt) {
        return train(out, arch, null, options, resume, stopAt);
    }

    /**
     * Trains into {@code out}; a fresh run starts from the checkpoint in {@code init} (copied into {@code init/})
     * when it is given, else from seeded weights made from {@code arch}.
     *
     * @param init a checkpoint folder to start a fresh run from, or null (then {@code arch} is needed)
     * @throws InvalidInputException on a bad corpus, architecture, checkpoint, option or recipe, or when both
     *                               {@code arch} and {@code init} are given
     */
    public TrainingResult train(Path out, Path arch, Path init, TrainingOptions options, boolean resume,
                                long stopAt) {
        DjlEnvironment.prepare();
        CheckpointStore store = new CheckpointStore(out);
        Path source;
        TrainerState state;
        if (resume) {
            source = store.latest().orElseThrow(() -> new InvalidInputException("--resume: " + out
                    + " holds no training checkpoint (checkpoints/step-*/ or final/ with " + TrainerState.FILE + ")"));
            state = TrainerState.read(source);
            options = state.options();
        } else {
            if (store.latest().isPresent()) {
                throw new InvalidInputException(out + " already holds a training run; pass --resume to continue it,"
                        + " or choose another --out");
            }
            if (arch != null && init != null) {
                throw new InvalidInputException("--arch and --init exclude each other: a new run starts either from "
                        + "an architecture description or from the checkpoint in " + init);
            }
            if (init != null) {
                StartingCheckpoint.copy(init, createFolder(store.init()));
            } else if (arch == null) {
                throw new InvalidInputException("a new training run needs --arch (a JSON architecture description)"
                        + " or --init (a checkpoint folder to start from)");
            } else {
                ArchitectureSpec spec = ArchitectureSpec.read(arch);
                CheckpointInitializer.write(spec, arch, createFolder(store.init()));
            }
            source = store.init();
            state = new TrainerState(0, 0, options, 0, 0, Double.NaN, 0);
        }
        ModelConfig config = ConfigReader.read(source.resolve("config.json"));
        if (options.seqLen() > config.maxPositionEmbeddings()) {
            throw new InvalidInputException("--seq-len " + options.seqLen() + " is above the model's "
                    + "max_position_embeddings of " + config.maxPositionEmbeddings());
        }
        TrainingRecipe recipe = recipes.find(options.recipe());
        RecipePlan plan = recipe.plan(settings.of(options.recipeSettings(), "recipe"));
        options = options.withRecipe(recipe.id(), plan.settings());
        Corpus corpus = Corpus.of(CorpusSource.read(options.corpus(), options.corpusLimit()),
                eosId(config, source), options.seed(), options.heldoutFraction(), 2 * (options.seqLen() + 1),
                options.seqLen() + 1);
        if (resume && (corpus.tokens().length != state.corpusTokens() || corpus.fingerprint() != state.corpusHash())) {
            throw new InvalidInputException("--resume: the corpus " + options.corpus() + " is not the one this run "
                    + "was trained on (" + state.corpusTokens() + " tokens then, " + corpus.tokens().length + " now)");
        }
        if (!resume) {
            List<String> prompts = HeldOutPrompts.cut(corpus, options.prompts());
            HeldOutPrompts.write(out, prompts);
            state = new TrainerState(0, 0, options, corpus.tokens().length, corpus.fingerprint(), Double.NaN, 0);
            log.printf("held-out prompts: %d in %s%n", prompts.size(), out.resolve(HeldOutPrompts.JSONL));
        }
        log.printf("corpus: %d documents, %,d tokens (%,d training, %,d held out) from %s; windows start %s%n",
                corpus.documents(), corpus.tokens().length, corpus.trainingLength(), corpus.heldoutLength(),
                options.corpus(), options.windowStarts() == WindowStarts.DOCUMENTS ? "at document starts" : "anywhere");
        log.printf("model: %s, %,d parameters; recipe: %s%n", config.describe(), config.parameterCount(),
                plan.describe());
        log.flush();
        Engine engine = PyTorchEngine.get();
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            TrainableWeights weights = TrainableWeights.load(config, source, manager);
            TrainingBlocks blocks = new TrainingBlocks(config, weights, source, manager);
            plan.install(blocks);
            blocks.checkComplete(recipe.id());
            log.printf("trainable weights: %,d parameters in %d arrays (the recipe's included)%n",
                    weights.parameters().stream().mapToLong(p -> p.array().size()).sum(), weights.parameters().size());
            TrainingForward forward = new TrainingForward(config, weights.weights(),
                    new Rope(config, options.seqLen(), manager), blocks::at);
            AdamW adam = new AdamW(weights.parameters(), manager, options.beta1(), options.beta2(), 1e-8,
                    options.weightDecay());
            if (resume) {
                CheckpointStore.restoreMoments(source, adam, manager);
                log.printf("resumed from %s at step %d%n", source, state.step());
            }
            TrainingLoop loop = new TrainingLoop(engine, manager, forward, adam, plan, recipe.id(), config.layers(),
                    options, new BatchSampler(corpus, options.batch(), options.seqLen(), options.seed(),
                            options.windowStarts()), log);
            return loop.run(state, store, source, weights, stopAt);
        }
    }

    private static Path createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + folder, e);
        }
        return folder;
    }

    private static int eosId(ModelConfig config, Path folder) {
        if (!config.eosTokenIds().isEmpty()) {
            return config.eosTokenIds().get(0);
        }
        throw new InvalidInputException(folder.resolve("config.json") + " names no eos_token_id, which training "
                + "needs to separate documents");
    }
}
