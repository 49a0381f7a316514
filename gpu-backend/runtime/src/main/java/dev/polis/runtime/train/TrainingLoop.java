package dev.polis.runtime.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;

/**
 * The steps of one training run from a {@link TrainerState}: for each step the recipe's decisions (checked), the
 * per-sample dropout draws, forward and backward under a gradient collector, the AdamW update; then progress lines,
 * validation and checkpoints. Each step and each validation batch runs in its own sub-manager and {@link NDScope}.
 */
final class TrainingLoop {

    /** Consecutive steps with a non-finite loss or gradient after which the run stops. */
    static final int MAX_SKIPPED = 5;

    private final Engine engine;
    private final NDManager manager;
    private final TrainingForward forward;
    private final AdamW adam;
    private final RecipePlan plan;
    private final String recipeId;
    private final int layers;
    private final TrainingOptions options;
    private final BatchSampler sampler;
    private final LearningRate schedule;
    private final PrintWriter log;
    private int skipped;
    private java.util.Map<String, Double> auxiliary = java.util.Map.of();

    TrainingLoop(Engine engine, NDManager manager, TrainingForward forward, AdamW adam, RecipePlan plan,
                 String recipeId, int layers, TrainingOptions options, BatchSampler sampler, PrintWriter log) {
        this.log = log;
        this.engine = engine;
        this.manager = manager;
        this.forward = forward;
        this.adam = adam;
        this.plan = plan;
        this.recipeId = recipeId;
        this.layers = layers;
        this.options = options;
        this.sampler = sampler;
        this.schedule = new LearningRate(options.lr(), options.warmup(), options.steps(), options.minLrRatio());
    }

    TrainingResult run(TrainerState state, CheckpointStore store, Path template, TrainableWeights weights,
                       long stopAt) {
        long start = state.step();
        long tokens = state.tokens();
        double validation = state.validationLoss();
        double seconds = state.seconds();
        List<Double> losses = new ArrayList<>();
        Path checkpoint = null;
        long began = System.nanoTime();
        long windowNanos = 0;
        long trainingNanos = 0;
        long windowTokens = 0;
        long end = Math.min(options.steps(), Math.max(start, stopAt));
        for (long step = start; step < end; step++) {
            Batch batch = sampler.training(step);
            double lr = schedule.at(step);
            long stepStart = System.nanoTime();
            double[] loss = step(step, batch, lr);
            long stepNanos = System.nanoTime() - stepStart;
            windowNanos += stepNanos;
            trainingNanos += stepNanos;
            losses.add(loss[0]);
            tokens += batch.tokenCount();
            windowTokens += batch.tokenCount();
            long done = step + 1;
            boolean last = done == options.steps();
            if (options.evalEvery() > 0 && done % options.evalEvery() == 0 || last) {
                double[] exits = validate();
                validation = exits[layers - 1];
                log.printf("step %d validation loss %.4f (exit after each layer: %s)%n", done, validation,
                        ProgressLine.values(exits));
            }
            if (done % options.logEvery() == 0 || last || done == end) {
                long now = System.nanoTime();
                double rate = windowTokens / (windowNanos / 1e9);
                double elapsed = (now - began) / 1e9;
                double eta = (end - done) * elapsed / (done - start);
                log.printf("%s step %d/%d loss %.4f%s lr %.2e |g| %.3f %,.0f tok/s elapsed %s eta %s%n",
                        ProgressLine.bar(done, options.steps()), done, options.steps(), loss[0], auxiliaryText(),
                        lr, loss[1], rate, ProgressLine.duration(elapsed), ProgressLine.duration(eta));
                log.flush();
                windowNanos = 0;
                windowTokens = 0;
            }
            boolean save = options.saveEvery() > 0 && done % options.saveEvery() == 0;
            if (save || last || done == end) {
                double total = seconds + (System.nanoTime() - began) / 1e9;
                TrainerState now = new TrainerState(done, tokens, options, state.corpusTokens(),
                        state.corpusHash(), validation, total);
                checkpoint = last ? store.finalFolder() : store.stepFolder(done);
                store.save(checkpoint, template, weights, adam, now);
                log.printf("saved %s%n", checkpoint);
                log.flush();
            }
        }
        double ran = trainingNanos / 1e9;
        long trained = (end - start) * (long) options.batch() * options.seqLen();
        return new TrainingResult(start, end, losses, validation, ran > 0 ? trained / ran : 0, checkpoint);
    }

    /** Runs one optimizer step; returns {loss, gradient norm}. */
    double[] step(long step, Batch batch, double lr) {
        double[] dropout = plan.layerDropout(step, options.steps(), layers);
        double[] weights = plan.exitWeights(step, options.steps(), layers);
        RecipeCheck.check(recipeId, step, layers, dropout, weights);
        boolean[][] keep = draw(dropout, step, batch.inputs().length);
        try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double value;
            try (GradientCollector collector = engine.newGradientCollector()) {
                ExitLoss loss = ExitLoss.compute(forward, m, batch.inputs(), batch.targets(), keep, weights,
                        AuxiliaryLosses.training(step));
                value = loss.total().getFloat();
                auxiliary = loss.auxiliary();
                collector.backward(loss.total());
            }
            double norm = Double.NaN;
            if (Double.isFinite(value)) {
                norm = adam.step(lr, step + 1, options.clip());
            } else {
                adam.skip();
            }
            if (Double.isFinite(norm)) {
                skipped = 0;
            } else if (++skipped >= MAX_SKIPPED) {
                throw new IllegalStateException("the loss or gradient was not finite " + MAX_SKIPPED
                        + " steps in a row (last at step " + step + ", loss " + value + "); lower --lr");
            } else {
                log.printf("step %d skipped: loss %s, gradient norm %s (not finite in %s); weights unchanged%n",
                        step + 1, value, norm, adam.nonFinite());
            }
            return new double[] {value, norm};
        }
    }

    /** Returns the last step's auxiliary losses for the progress line ({@code " (aux balance 0.0123)"}), or "". */
    private String auxiliaryText() {
        if (auxiliary.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (aux");
        auxiliary.forEach((name, value) -> text.append(String.format(" %s %.4f", name, value)));
        return text.append(", included)").toString();
    }

    private boolean[][] draw(double[] dropout, long step, int batch) {
        boolean any = false;
        for (double p : dropout) {
            any |= p > 0;
        }
        if (!any) {
            return null;
        }
        SplittableRandom random = StepRandom.dropout(options.seed(), step);
        boolean[][] keep = new boolean[dropout.length][batch];
        for (int l = 0; l < dropout.length; l++) {
            for (int b = 0; b < batch; b++) {
                keep[l][b] = random.nextDouble() >= dropout[l];
            }
        }
        return keep;
    }

    /** Returns the held-out cross-entropy of an exit after each layer (the last entry is the model's). */
    private double[] validate() {
        double[] sums = new double[layers];
        int count = 0;
        double[] everyLayer = new double[layers];
        java.util.Arrays.fill(everyLayer, 1.0 / layers);
        for (Batch batch : sampler.validation(options.evalBatches())) {
            try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                ExitLoss loss = ExitLoss.compute(forward, m, batch.inputs(), batch.targets(), null, everyLayer,
                        AuxiliaryLosses.validation());
                for (int l = 0; l < layers; l++) {
                    sums[l] += loss.perLayer()[l] * batch.inputs().length;
                }
                count += batch.inputs().length;
            }
        }
        for (int l = 0; l < layers; l++) {
            sums[l] /= count;
        }
        return sums;
    }
}
