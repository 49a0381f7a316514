package dev.polis.snapkv;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.IntStream;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.LmSession;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.snapkv.policy.Pooling;
import dev.polis.snapkv.policy.SnapKvSettings;

/**
 * SnapKV computed independently of the plugin, in float64 on the runtime's plain reference forward: the prompt's
 * attention probabilities vote (summed over the window's queries and each group's query heads), are pooled, and the
 * top {@code capacity - window} prefix positions plus the window stay visible, per layer and key/value head; every
 * token after the prompt sees only those prompt keys (and all later ones). The prompt itself attends to everything.
 */
final class SnapKvReference implements CausalLm {

    private final TinyCheckpoint checkpoint;
    private final ReferenceForward forward;
    private final SnapKvSettings settings;

    SnapKvReference(TinyCheckpoint checkpoint, SnapKvSettings settings) {
        this.checkpoint = checkpoint;
        this.forward = new ReferenceForward(checkpoint);
        this.settings = settings;
    }

    /** Returns the kept prompt positions {@code [layer][kvHead][capacity]}, ascending; null when nothing is dropped. */
    int[][][] kept(int[] prompt) {
        int t = prompt.length;
        if (t <= settings.capacity()) {
            return null;
        }
        double[][][][] p = forward.attention(prompt);
        int w = settings.window();
        int group = checkpoint.heads / checkpoint.kvHeads;
        int[][][] kept = new int[checkpoint.layers][checkpoint.kvHeads][];
        for (int l = 0; l < checkpoint.layers; l++) {
            for (int h = 0; h < checkpoint.kvHeads; h++) {
                double[] votes = new double[t - w];
                for (int head = h * group; head < (h + 1) * group; head++) {
                    for (int q = t - w; q < t; q++) {
                        for (int s = 0; s < t - w; s++) {
                            votes[s] += p[l][q][head][s];
                        }
                    }
                }
                double[] pooled = pool(votes);
                int[] top = IntStream.range(0, t - w).boxed()
                        .sorted(Comparator.comparingDouble((Integer s) -> -pooled[s]).thenComparing(s -> s))
                        .limit(settings.capacity() - w).mapToInt(Integer::intValue).sorted().toArray();
                int[] row = Arrays.copyOf(top, settings.capacity());
                for (int i = 0; i < w; i++) {
                    row[top.length + i] = t - w + i;
                }
                kept[l][h] = row;
            }
        }
        return kept;
    }

    private double[] pool(double[] votes) {
        int half = settings.kernel() / 2;
        double[] out = new double[votes.length];
        for (int i = 0; i < votes.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int j = i - half; j <= i + half; j++) {
                double v = j < 0 || j >= votes.length ? 0 : votes[j];
                sum += v;
                max = j < 0 || j >= votes.length ? max : Math.max(max, v);
            }
            out[i] = settings.pooling() == Pooling.MAX ? max : sum / settings.kernel();
        }
        return out;
    }

    @Override
    public int vocabularySize() {
        return checkpoint.vocab;
    }

    @Override
    public Set<Integer> stopTokens() {
        return Set.of(2);
    }

    @Override
    public LmSession newSession() {
        return new MaskedSession(checkpoint, forward, this::kept);
    }
}
