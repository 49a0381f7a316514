package dev.polis.lazyllm.prune;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;

/**
 * The settings of {@code accelerator.lazyllm}, checked against the model they are installed into.
 *
 * @param schedule  where to prune and how much ({@link Schedule}); the spec's default when not set
 * @param minPrompt prompts shorter than this many tokens run dense (pruning's bookkeeping costs more than it saves
 *                  on short prompts), and the prefill report says so
 * @param selection how a pruning layer picks the tokens that stop: LazyLLM's attention scores (the default), or the
 *                  random-drop baseline
 */
public record LazySettings(Schedule schedule, int minPrompt, Selection selection) {

    /** The prompt length below which prefill runs dense unless {@code minPrompt} says otherwise. */
    public static final int DEFAULT_MIN_PROMPT = 64;

    /** The settings block as written, every key optional. */
    public record Block(String schedule, Integer minPrompt, String selection) {

        /** A block that leaves the selection at its default. */
        public Block(String schedule, Integer minPrompt) {
            this(schedule, minPrompt, null);
        }
    }

    /** Settings that select by attention, as LazyLLM does. */
    public LazySettings(Schedule schedule, int minPrompt) {
        this(schedule, minPrompt, Selection.ATTENTION);
    }

    /** Checks the values; each error names its setting. */
    public LazySettings {
        if (minPrompt < 2) {
            throw new InvalidInputException("minPrompt: must be at least 2 but was " + minPrompt
                    + " (a prompt of one token has nothing to prune)");
        }
    }

    /** Reads {@code settings} (keys {@code schedule}, {@code minPrompt}, {@code selection}) for a model of {@code layers} layers. */
    public static LazySettings of(Settings settings, int layers) {
        return of(settings.bind(Block.class), layers);
    }

    /** Returns the block's values over the defaults for a model of {@code layers} layers, checked. */
    public static LazySettings of(Block block, int layers) {
        Schedule schedule = block.schedule() == null ? Schedule.defaultFor(layers)
                : Schedule.parse(block.schedule(), layers, "schedule");
        return new LazySettings(schedule, block.minPrompt() == null ? DEFAULT_MIN_PROMPT : block.minPrompt(),
                block.selection() == null ? Selection.ATTENTION : Selection.parse(block.selection(), "selection"));
    }

    @Override
    public String toString() {
        return "schedule " + schedule + ", minPrompt " + minPrompt
                + (selection == Selection.ATTENTION ? "" : ", selection " + selection.label());
    }
}
