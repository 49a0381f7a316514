package dev.polis.mhmoe.layer;

import java.util.Arrays;

/**
 * Which experts each sub-token goes to, computed on the host from the gate probabilities: the top-k experts of every
 * sub-token (ties to the lower expert index), then the capacity rule: all first choices in sub-token order, then all
 * second choices, ..., each kept while its expert has room; the rest are dropped (their update is zero).
 *
 * <p>Assignment {@code a = i·k + r} is sub-token {@code i}'s choice of rank {@code r}.
 */
public final class Routing {

    private final int subTokens;
    private final int experts;
    private final int topK;
    private final int[] choice;
    private final boolean[] kept;
    private final int[][] byExpert;
    private final long[] firstChoices;

    private Routing(int subTokens, int experts, int topK, int[] choice, boolean[] kept, int[][] byExpert,
                    long[] firstChoices) {
        this.subTokens = subTokens;
        this.experts = experts;
        this.topK = topK;
        this.choice = choice;
        this.kept = kept;
        this.byExpert = byExpert;
        this.firstChoices = firstChoices;
    }

    /**
     * Routes {@code subTokens} sub-tokens whose gate probabilities are {@code probs} (row-major
     * {@code [subTokens, experts]}) to their top {@code topK} experts with {@code capacity} places per expert.
     */
    public static Routing of(float[] probs, int subTokens, int experts, int topK, int capacity) {
        int[] choice = new int[subTokens * topK];
        long[] first = new long[experts];
        for (int i = 0; i < subTokens; i++) {
            int row = i * experts;
            for (int r = 0; r < topK; r++) {
                int best = -1;
                for (int e = 0; e < experts; e++) {
                    if ((best < 0 || probs[row + e] > probs[row + best]) && !taken(choice, i * topK, r, e)) {
                        best = e;
                    }
                }
                choice[i * topK + r] = best;
            }
            first[choice[i * topK]]++;
        }
        boolean[] kept = new boolean[choice.length];
        int[] load = new int[experts];
        int[][] byExpert = new int[experts][];
        int[] fill = new int[experts];
        for (int r = 0; r < topK; r++) {
            for (int i = 0; i < subTokens; i++) {
                int e = choice[i * topK + r];
                if (load[e] < capacity) {
                    load[e]++;
                    kept[i * topK + r] = true;
                }
            }
        }
        for (int e = 0; e < experts; e++) {
            byExpert[e] = new int[load[e]];
        }
        for (int r = 0; r < topK; r++) {
            for (int i = 0; i < subTokens; i++) {
                int a = i * topK + r;
                if (kept[a]) {
                    byExpert[choice[a]][fill[choice[a]]++] = a;
                }
            }
        }
        return new Routing(subTokens, experts, topK, choice, kept, byExpert, first);
    }

    /** Returns whether expert {@code e} is among the {@code count} choices already made from {@code from}. */
    private static boolean taken(int[] choice, int from, int count, int e) {
        for (int r = 0; r < count; r++) {
            if (choice[from + r] == e) {
                return true;
            }
        }
        return false;
    }

    /** Returns the number of sub-tokens routed. */
    public int subTokens() {
        return subTokens;
    }

    /** Returns k. */
    public int topK() {
        return topK;
    }

    /** Returns the expert of assignment {@code a}. */
    public int expert(int a) {
        return choice[a];
    }

    /** Returns whether assignment {@code a} fitted its expert's capacity. */
    public boolean kept(int a) {
        return kept[a];
    }

    /** Returns the kept assignments of expert {@code e}, in dispatch order. */
    public int[] assignments(int e) {
        return byExpert[e].clone();
    }

    /** Returns the kept assignments of every expert, expert 0's first, in dispatch order. */
    public int[] dispatchOrder() {
        return Arrays.stream(byExpert).flatMapToInt(Arrays::stream).toArray();
    }

    /** Returns how many sub-tokens chose each expert first (before capacity): the f of the balance loss. */
    public long[] firstChoices() {
        return firstChoices.clone();
    }

    /** Returns the number of experts. */
    public int experts() {
        return experts;
    }

    /** Returns how many assignments were dropped for lack of capacity. */
    public int dropped() {
        int n = 0;
        for (boolean k : kept) {
            n += k ? 0 : 1;
        }
        return n;
    }
}
