package dev.polis.lazyllm.prune;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.runtime.seam.AttentionRows;

/**
 * The settings of {@code accelerator.lazyllm}, checked against the model they are installed into.
 *
 * @param schedule  where to prune and how much ({@link Schedule}); the spec's default when not set
 * @param minPrompt prompts shorter than this many tokens run dense (pruning's bookkeeping costs more than it saves
 *                  on short prompts), and the prefill report says so
 * @param selection how a pruning layer picks the tokens that stop: LazyLLM's attention scores (the default), or the
 *                  random-drop baseline
 * @param pool      the width, in positions, of the max-pool over a token's neighbours' scores that decides whether it
 *                  stops (odd; 1, the default, is LazyLLM's own per-token score; {@link ScorePooling})
 */
public record LazySettings(Schedule schedule, int minPrompt, Selection selection, int pool) {

    /** The prompt length below which prefill runs dense unless {@code minPrompt} says otherwise. */
    public static final int DEFAULT_MIN_PROMPT = 64;

    /** The widest score pool: wider ones keep whole passages around every attended token, which is not LazyLLM. */
    public static final int MAX_POOL = 15;

    /** The settings block as written, every key optional. */
    public record Block(String schedule, Integer minPrompt, String selection, Integer pool) {

        /** A block that leaves the selection and the pool at their defaults. */
        public Block(String schedule, Integer minPrompt) {
            this(schedule, minPrompt, null, null);
        }
    }

    /** Settings that select by attention, each token on its own score, as LazyLLM does. */
    public LazySettings(Schedule schedule, int minPrompt) {
        this(schedule, minPrompt, Selection.ATTENTION);
    }

    /** Settings that score each token on its own. */
    public LazySettings(Schedule schedule, int minPrompt, Selection selection) {
        this(schedule, minPrompt, selection, 1);
    }

    /** Checks the values; each error names its setting. */
    public LazySettings {
        if (minPrompt < 2) {
            throw new InvalidInputException("minPrompt: must be at least 2 but was " + minPrompt
                    + " (a prompt of one token has nothing to prune)");
        }
        if (pool < 1 || pool > MAX_POOL || pool % 2 == 0) {
            throw new InvalidInputException("pool: must be an odd width from 1 to " + MAX_POOL + " but was " + pool
                    + " (1 scores each token on its own, as LazyLLM does; 3 also keeps the neighbours of an attended"
                    + " token)");
        }
    }

    /**
     * Returns the score of each of {@code positions} at {@code layer} by which the lowest stop: the selection's
     * score, max-pooled over {@link #pool} neighbouring positions ({@code query}, the scoring token's own position,
     * lends its score to none).
     */
    double[] scores(AttentionRows rows, int[] positions, int layer, int query) {
        return ScorePooling.maxPool(selection.scores(rows, positions, layer), positions, pool, query);
    }

    /** Reads {@code settings} (keys {@code schedule}, {@code minPrompt}, {@code selection}, {@code pool}) for a model of {@code layers} layers. */
    public static LazySettings of(Settings settings, int layers) {
        return of(settings.bind(Block.class), layers);
    }

    /** Returns the block's values over the defaults for a model of {@code layers} layers, checked. */
    public static LazySettings of(Block block, int layers) {
        Schedule schedule = block.schedule() == null ? Schedule.defaultFor(layers)
                : Schedule.parse(block.schedule(), layers, "schedule");
        return new LazySettings(schedule, block.minPrompt() == null ? DEFAULT_MIN_PROMPT : block.minPrompt(),
                block.selection() == null ? Selection.ATTENTION : Selection.parse(block.selection(), "selection"),
                block.pool() == null ? 1 : block.pool());
    }

    @Override
    public String toString() {
        return "schedule " + schedule + ", minPrompt " + minPrompt
                + (selection == Selection.ATTENTION ? "" : ", selection " + selection.label())
                + (pool == 1 ? "" : ", pool " + pool);
    }
}
