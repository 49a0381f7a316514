package dev.polis.runtime.train;

import dev.polis.api.PolisExtension;
import dev.polis.api.Settings;

/**
 * A training recipe that {@code polis model train --recipe <id>} applies on top of ordinary next-token training:
 * per-sample layer dropout and a loss spread over early exits. {@code plain} ({@link PlainRecipe}, the default) is
 * ordinary training; the LayerSkip plugin contributes {@code layerskip}.
 *
 * <p>Recipes are found by {@link #id()} in the host's extension registry, so any plugin that depends on the
 * {@code gpu-backend} plugin may contribute one (annotate the class with {@code @org.pf4j.Extension}). The plan's
 * per-step decisions are numbers, no DJL type: the trainer does the tensor work. Only {@link RecipePlan#install}
 * sees tensors (a replaced feed-forward block, added weights, auxiliary losses), through {@link TrainingSeam}, an
 * interface of this plugin, so nothing of DJL reaches sdk-api.
 *
 * <h2>What the trainer does with a plan</h2>
 * For the optimizer step {@code step} (0-based; {@code 0 <= step < totalSteps}) of a model with {@code L} layers,
 * the trainer asks the {@link RecipePlan} once for {@link RecipePlan#layerDropout p} and once for
 * {@link RecipePlan#exitWeights w}, validates both (see below), and then for a batch of {@code B} token windows:
 * <pre>{@code
 * h = embed(x)                                                     // [B, T, hidden]
 * for l in 0 .. L-1:
 *     keep[b] ~ Bernoulli(1 - p[l]) for each sample b            // drawn by the trainer's seeded RNG
 *     h[b] = keep[b] ? layer_l(h[b]) : h[b]                        // a dropped sample skips attention AND MLP;
 *                                                                  // no 1/(1-p) rescaling
 *     if w[l] > 0: loss += w[l] * CE(lmHead(finalNorm(h)), targets)  // shared final norm and head
 * loss += Σ auxiliary losses the feed-forward blocks added            // none unless install() replaced blocks
 * }</pre>
 * {@code layer_l(h) = a + ffn_l(postNorm(a))} with {@code a = h + attention(inputNorm(h))}; {@code ffn_l} is SwiGLU
 * unless {@link RecipePlan#install} replaced it.
 * CE is the mean next-token cross-entropy over all {@code B·T} positions. {@code w[L-1]} weighs the ordinary
 * (last-layer) loss; a layer whose weight is 0 costs no head computation. Dropout is never applied when the trainer
 * computes validation loss, and the checkpoints it writes are ordinary models.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link RecipePlan#layerDropout}: an array of length {@code L}; entry {@code l} is the probability that a
 *       sample skips layer {@code l} at this step, finite and in {@code [0, 1)}. The same probability applies to
 *       every sample; the per-sample draws are the trainer's (seeded, derived from the run seed and the step, so a
 *       resumed run draws the same).</li>
 *   <li>{@link RecipePlan#exitWeights}: an array of length {@code L}; entry {@code l} weighs the cross-entropy of the
 *       hidden state after layer {@code l} (0-based) sent through the final norm and LM head. Every entry is finite
 *       and {@code >= 0}, and they sum to 1 (within 1e-6). Anything else fails the run with an
 *       {@link dev.polis.api.InvalidInputException} that names the recipe, the step and the offending values.</li>
 *   <li>Both must be pure functions of {@code (step, totalSteps, layers)} and the settings: the trainer resumes an
 *       interrupted run by asking again for the remaining steps, and stores only the recipe id and
 *       {@link RecipePlan#settings()} in its state.</li>
 *   <li>With every dropout probability 0 and {@code w = [0, ..., 0, 1]} the trainer computes exactly what
 *       {@code plain} computes (tested).</li>
 * </ul>
 */
public interface TrainingRecipe extends PolisExtension {

    /** The id of the default recipe, ordinary next-token training. */
    String PLAIN = "plain";

    /**
     * Returns this recipe's plan under {@code settings} (the {@code --recipe-option key=value} pairs of the command
     * line, numbers as numbers, or the settings stored in a checkpoint being resumed).
     *
     * @throws dev.polis.api.InvalidInputException when a setting is unknown or out of range; the message names it
     */
    RecipePlan plan(Settings settings);
}
