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
     * Returns how many leading slots remain when every slot holding a position at or after {@code sequenceLength}
     * is forgotten: those must be the trailing slots, and as many in every head.
     */
    int keepBefore(int sequenceLength, int length) {
        int keep = -1;
        for (int h = 0; h < rows.length; h++) {
            int k = length;
            while (k > 0 && rows[h][k - 1] >= sequenceLength) {
                k--;
            }
            for (int s = 0; s < k; s++) {
                if (rows[h][s] >= sequenceLength) {
                    throw new IllegalStateException("cannot crop to " + sequenceLength + " tokens: head " + h
                            + " keeps position " + rows[h][s] + " in slot " + s + " before older ones (a policy must"
                            + " keep slots after the prompt in position order)");
                }
            }
            if (keep >= 0 && k != keep) {
                throw new IllegalStateException("cannot crop to " + sequenceLength + " tokens: key/value heads would"
                        + " keep different numbers of slots (" + keep + " and " + k + ")");
            }
            keep = k;
        }
        return keep;
    }
}
