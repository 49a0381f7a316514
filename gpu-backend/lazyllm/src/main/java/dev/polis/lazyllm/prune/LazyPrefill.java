package dev.polis.lazyllm.prune;

import java.util.Arrays;
import java.util.function.Consumer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.polis.runtime.seam.AttentionRows;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.LayerSession;
import dev.polis.runtime.seam.PrefillStrategy;

/**
 * LazyLLM's prefill (spec §B.3): the prompt runs layer by layer; after each pruning layer of the {@link Schedule},
 * the prompt tokens the last token attended to least (mean over heads) stop there: their hidden states go into the
 * {@link AuxCache} and the layers after it compute only the rest, at their original positions (RoPE and the causal
 * mask follow positions), so those layers' caches hold only the tokens they computed. The last token is never
 * pruned. Layers between pruning layers run in one call. Prompts shorter than {@code minPrompt}, batches of several
 * sequences go to the strategy installed before (dense), and the report says why.
 */
public final class LazyPrefill implements PrefillStrategy {

    private final PrefillStrategy inner;
    private final LazySettings settings;
    private final SessionStates states;
    private final Consumer<PrefillReport> listener;

    /** Creates the strategy over {@code inner}, recording into {@code states} and reporting to {@code listener}. */
    public LazyPrefill(PrefillStrategy inner, LazySettings settings, SessionStates states,
                       Consumer<PrefillReport> listener) {
        this.inner = inner;
        this.settings = settings;
        this.states = states;
        this.listener = listener;
    }

    @Override
    public NDArray prefill(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions) {
        AuxCache state = states.of(session);
        state.forgetFrom(positions[0]);
        int n = positions.length;
        int depth = layers.layers();
        String dense = whyDense(session, n);
        if (dense != null) {
            NDArray h = inner.prefill(session, layers, hidden, positions);
            state.computed(positions, 0, depth);
            int[] all = new int[depth];
            Arrays.fill(all, n);
            listener.accept(new PrefillReport(n, all, true, dense));
            return h;
        }
        NDManager manager = session.stepManager();
        Schedule schedule = settings.schedule();
        int[] pruneAt = schedule.layers();
        double[] keep = schedule.keep();
        int[] computed = new int[depth];
        int[] alive = positions.clone();
        int last = positions[n - 1];
        NDArray h = hidden;
        int from = 0;
        for (int i = 0; i < pruneAt.length && pruneAt[i] < depth - 1; i++) {
            int layer = pruneAt[i];
            h = layers.run(session, h, alive, from, layer + 1);
            record(state, computed, alive, from, layer + 1);
            from = layer + 1;
            int target = Math.max(1, (int) Math.ceil(keep[i] * n));
            if (target >= alive.length) {
                continue;
            }
            AttentionRows rows = session.attention(layer).orElseThrow(() -> new IllegalStateException(
                    "lazyllm: the runtime kept no attention probabilities for layer " + layer));
            boolean[] drop = LastTokenScores.lowest(settings.scores(rows, alive, layer, last), alive,
                    alive.length - target, last);
            int[] dropIndex = indices(drop, true);
            int[] keepIndex = indices(drop, false);
            float[][] stopped = Rows.read(h, dropIndex, manager);
            for (int d = 0; d < dropIndex.length; d++) {
                state.store(layer, alive[dropIndex[d]], stopped[d]);
            }
            h = Rows.take(h, keepIndex, manager);
            alive = pick(alive, keepIndex);
        }
        h = layers.run(session, h, alive, from, depth);
        record(state, computed, alive, from, depth);
        listener.accept(new PrefillReport(n, computed, false, null));
        return h;
    }

    private String whyDense(LayerSession session, int n) {
        if (session.batchSize() != 1) {
            return "a batch of " + session.batchSize() + " sequences (LazyLLM prunes batches of one)";
        }
        if (n < settings.minPrompt()) {
            return "shorter than minPrompt " + settings.minPrompt() + " tokens";
        }
        return null;
    }

    private static void record(AuxCache state, int[] computed, int[] alive, int from, int to) {
        state.computed(alive, from, to);
        for (int l = from; l < to; l++) {
            computed[l] = alive.length;
        }
    }

    static int[] indices(boolean[] flags, boolean value) {
        int count = 0;
        for (boolean f : flags) {
            count += f == value ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out[j++] = i;
            }
        }
        return out;
    }

    static int[] pick(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }
}
