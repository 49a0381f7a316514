package dev.polis.guards.eval;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded split of labelled texts by group: every item of a group (one attack template family, one source
 * document) falls on the same side, so that near-duplicates never straddle training and held-out data.
 *
 * @param holdout the share of groups held out, in [0, 1)
 * @param seed    the seed; the same seed and groups give the same split
 */
public record Split(double holdout, long seed) {

    /** Checks the share. */
    public Split {
        if (holdout < 0 || holdout >= 1) {
            throw new IllegalArgumentException("holdout must be in [0, 1) but was " + holdout);
        }
    }

    /** Returns whether {@code item} is held out. */
    public boolean heldOut(LabeledText item) {
        long h = seed * 0x9E3779B97F4A7C15L + item.suite().hashCode() * 31L + item.group().hashCode();
        return new SplittableRandom(h).nextDouble() < holdout;
    }

    /** Returns the items used for training. */
    public List<LabeledText> train(List<LabeledText> items) {
        return items.stream().filter(i -> !heldOut(i)).toList();
    }

    /** Returns the held-out items. */
    public List<LabeledText> test(List<LabeledText> items) {
        return items.stream().filter(this::heldOut).toList();
    }
}
