package dev.polis.govsim.sweep;

import dev.polis.govsim.game.GameState;
import dev.polis.govsim.metrics.RunMetrics;

/**
 * How one run of a sweep ended.
 *
 * @param spec    the run
 * @param state   its final (or last saved) state
 * @param metrics its metrics, or {@code null} when it failed
 * @param error   why it failed, or {@code null}
 * @param resumed whether it was skipped as finished ({@code skipped}) or continued from a saved month
 */
public record RunOutcome(RunSpec spec, GameState state, RunMetrics metrics, String error, Resumed resumed) {

    /** Says what a resumed sweep found for this run. */
    public enum Resumed {
        /** Started from month 0. */
        FRESH,
        /** Continued from its last finished month. */
        CONTINUED,
        /** Already finished; nothing was run again. */
        SKIPPED
    }

    /** Returns whether the run finished. */
    public boolean finished() {
        return metrics != null;
    }
}
