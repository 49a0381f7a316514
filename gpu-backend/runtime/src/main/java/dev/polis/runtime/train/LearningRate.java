package dev.polis.runtime.train;

/**
 * The learning-rate schedule: linear warm-up from 0 to the peak over {@code warmup} steps, then a cosine decay to
 * {@code minRatio · peak} at the last step.
 *
 * @param peak     the peak learning rate
 * @param warmup   warm-up steps
 * @param total    total steps
 * @param minRatio the final rate as a fraction of the peak
 */
record LearningRate(double peak, long warmup, long total, double minRatio) {

    /** Returns the rate for the 0-based step {@code step}. */
    double at(long step) {
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        long span = Math.max(1, total - warmup - 1);
        double progress = Math.min(1.0, (double) (step - warmup) / span);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return peak * (minRatio + (1 - minRatio) * cosine);
    }
}
