package dev.polis.guards.eval;

import dev.polis.guards.leak.LeakDetector;

/**
 * A leak case with what the detector found in its output.
 *
 * @param item    the case
 * @param finding the detector's finding
 */
public record LeakScored(LeakCase item, LeakDetector.Finding finding) {

    /** Returns whether the detector flagged the output. */
    public boolean flagged() {
        return finding.leaked();
    }
}
