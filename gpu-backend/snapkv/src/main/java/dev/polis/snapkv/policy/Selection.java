package dev.polis.snapkv.policy;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Chooses, per key/value head, which cache slots stay: the {@code capacity - window} prefix slots with the highest
 * pooled votes, then the window's slots (the last {@code window}), all in slot order so that the kept slots stay in
 * increasing position order. Ties go to the earlier slot.
 */
public final class Selection {

    private Selection() {
    }

    /**
     * Returns the kept slots of each head, {@code [heads][capacity]}, ascending.
     *
     * @param pooledVotes per head, the pooled votes of the prefix slots {@code 0..slots-window-1}
     * @param slots       the slots the cache holds (prefix and window)
     */
    public static int[][] keep(float[][] pooledVotes, int slots, int capacity, int window) {
        int prefix = slots - window;
        int chosen = capacity - window;
        if (prefix < chosen) {
            throw new IllegalArgumentException(slots + " slots hold fewer than the capacity of " + capacity);
        }
        int[][] kept = new int[pooledVotes.length][];
        for (int h = 0; h < pooledVotes.length; h++) {
            float[] votes = pooledVotes[h];
            if (votes.length != prefix) {
                throw new IllegalArgumentException("head " + h + " has " + votes.length + " votes for " + prefix
                        + " prefix slots");
            }
            int[] top = IntStream.range(0, prefix).boxed()
                    .sorted((a, b) -> votes[a] != votes[b] ? Float.compare(votes[b], votes[a]) : Integer.compare(a, b))
                    .limit(chosen).mapToInt(Integer::intValue).toArray();
            Arrays.sort(top);
            int[] row = Arrays.copyOf(top, capacity);
            for (int i = 0; i < window; i++) {
                row[chosen + i] = prefix + i;
            }
            kept[h] = row;
        }
        return kept;
    }
}
