package dev.polis.runtime.seam;

import java.util.Arrays;

/**
 * The absolute position of the token in each slot of a {@link KvCache}, per key/value head. Heads share one order
 * until a policy gives them different slots (SnapKV keeps different positions per head); {@link #shared()} says
 * which, so the default path builds one causal mask for all heads.
 */
final class SlotPositions {

    private int[][] rows;
    private boolean shared = true;

    SlotPositions(int heads, int slots) {
        rows = new int[heads][slots];
    }

    boolean shared() {
        return shared;
    }

    int heads() {
        return rows.length;
    }

    int get(int head, int slot) {
        return rows[head][slot];
    }

    int[] copy(int head, int length) {
        return Arrays.copyOf(rows[head], length);
    }

    /** Makes room for {@code slots} slots, keeping the first {@code length}. */
    void resize(int slots, int length) {
        for (int h = 0; h < rows.length; h++) {
            int[] row = new int[slots];
            System.arraycopy(rows[h], 0, row, 0, length);
            rows[h] = row;
        }
    }

    /** Writes {@code positions} into slots {@code from...} of every head. */
    void write(int from, int[] positions) {
        for (int[] row : rows) {
            System.arraycopy(positions, 0, row, from, positions.length);
        }
    }

    /** Sets slots {@code 0..n-1} of each head to {@code perHead[h]}, all rows of the same length {@code n}. */
    void replace(int[][] perHead) {
        boolean same = true;
        for (int h = 0; h < rows.length; h++) {
            System.arraycopy(perHead[h], 0, rows[h], 0, perHead[h].length);
            same &= Arrays.equals(perHead[h], perHead[0]);
        }
        shared = same;
    }

    /**
     * Returns, per head, the slots (ascending) that hold positions before {@code sequenceLength} among the first
     * {@code length}: what cropping the sequence to that length keeps. Every head must keep as many.
     */
    int[][] slotsBefore(int sequenceLength, int length) {
        int[][] kept = new int[rows.length][];
        for (int h = 0; h < rows.length; h++) {
            int[] row = rows[h];
            kept[h] = java.util.stream.IntStream.range(0, length).filter(s -> row[s] < sequenceLength).toArray();
            if (kept[h].length != kept[0].length) {
                throw new IllegalStateException("cannot crop to " + sequenceLength + " tokens: key/value heads would"
                        + " keep different numbers of slots (" + kept[0].length + " and " + kept[h].length + ")");
            }
        }
        return kept;
    }

    /** Returns whether {@code kept} (from {@link #slotsBefore}) is the leading slots of every head. */
    static boolean leading(int[][] kept) {
        for (int[] row : kept) {
            if (row.length > 0 && row[row.length - 1] != row.length - 1) {
                return false;
            }
        }
        return true;
    }
}
