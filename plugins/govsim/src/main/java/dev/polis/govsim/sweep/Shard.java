package dev.polis.govsim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Which slice of a sweep's runs one process plays: the run at position k of the plan (0-based, in
 * {@link SweepPlan#runs()} order) belongs to shard {@code k mod count}, so shards are disjoint, together cover the
 * plan, and a run's id and folder do not depend on {@code count}.
 *
 * @param index this shard, from 0 to {@code count - 1}
 * @param count how many shards share the plan
 */
public record Shard(int index, int count) {

    /** Checks that {@code 0 <= index < count}. */
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected 0 <= index < count");
        }
    }

    /** Returns the runs of {@code runs} (a plan's runs, in plan order) that this shard plays, in plan order. */
    public List<RunSpec> select(List<RunSpec> runs) {
        List<RunSpec> mine = new ArrayList<>();
        for (int k = index; k < runs.size(); k += count) {
            mine.add(runs.get(k));
        }
        return mine;
    }

    /** Returns {@code index/count}, as {@code --shard} takes it. */
    public String label() {
        return index + "/" + count;
    }

    /** Returns the folder under {@code shards/} that holds this shard's own summary: {@code shard-2-of-4}. */
    public String folderName() {
        return "shard-" + index + "-of-" + count;
    }
}
