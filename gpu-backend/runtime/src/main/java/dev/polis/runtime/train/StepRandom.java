package dev.polis.runtime.train;

import java.util.SplittableRandom;

/**
 * The trainer's randomness, derived from the run seed and the step alone (not from a running generator), so that a
 * run resumed at step k draws exactly the batches and dropout decisions an uninterrupted run draws.
 */
final class StepRandom {

    private static final long BATCHES = 0x5DEECE66DL;
    private static final long DROPOUT = 0x2545F4914F6CDD1DL;

    private StepRandom() {
    }

    /** Returns the generator of step {@code step}'s batch. */
    static SplittableRandom batches(long seed, long step) {
        return new SplittableRandom(mix(seed ^ BATCHES, step));
    }

    /** Returns the generator of step {@code step}'s layer-dropout decisions. */
    static SplittableRandom dropout(long seed, long step) {
        return new SplittableRandom(mix(seed ^ DROPOUT, step));
    }

    private static long mix(long seed, long step) {
        long z = seed + (step + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
