package dev.polis.govsim.sweep;

import java.util.List;

/**
 * What {@link SweepMerge} found for a plan across its shards' folders.
 *
 * @param plan     the plan every folder recorded
 * @param outcomes the runs found finished or failed, in plan order (what the summary and report show)
 * @param missing  the plan's runs no folder holds, in plan order
 * @param failed   the runs found but not finished (failed, or started and stopped), in plan order
 */
public record MergedSweep(PlanFile plan, List<RunOutcome> outcomes, List<RunSpec> missing, List<RunOutcome> failed) {

    /** Copies the lists. */
    public MergedSweep {
        outcomes = List.copyOf(outcomes);
        missing = List.copyOf(missing);
        failed = List.copyOf(failed);
    }

    /** Returns whether every run of the plan finished. */
    public boolean complete() {
        return missing.isEmpty() && failed.isEmpty();
    }
}
