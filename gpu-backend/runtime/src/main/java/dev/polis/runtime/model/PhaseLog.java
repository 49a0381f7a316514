package dev.polis.runtime.model;

import java.util.Arrays;
import java.util.List;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.KvCache;
import dev.polis.runtime.seam.KvCacheEvent;
import dev.polis.runtime.seam.KvCachePolicy;
import dev.polis.runtime.seam.LayerSession;

/**
 * Remembers, while a session runs one {@link AppendPhase}, each layer's last append (the trailing query rows the
 * installed KV-cache policies asked for, and their positions), and tells the policies about each appended layer.
 * A prompt's layer is told as soon as the append holding the prompt's last token has gone through it
 * ({@link #afterLayer}), so a policy that compresses frees that layer's cache before the next layer runs and the full
 * caches never coexist; a layer appended to again after it was told (or in any other phase) is told when the phase
 * ends ({@link #fire}). Exists only while policies are installed and a phase runs; the default path never makes one.
 */
final class PhaseLog {

    private final AppendPhase phase;
    private final List<KvCachePolicy> policies;
    private final int rows;
    private final int promptEnd;
    private final NDArray[] queries;
    private final int[][] positions;
    private final KvCache[] caches;

    /**
     * Creates the log of one phase.
     *
     * @param policies  the installed policies, in order; the log keeps as many trailing query rows as the most any
     *                  of them {@link KvCachePolicy#queryRows() asks for}
     * @param promptEnd the position of the prompt's last token when {@code phase} is a prompt whose layers may be told
     *                  one by one; -1 to tell every layer when the phase ends
     */
    PhaseLog(AppendPhase phase, int layers, List<KvCachePolicy> policies, int promptEnd) {
        this.phase = phase;
        this.policies = policies;
        this.rows = policies.stream().mapToInt(KvCachePolicy::queryRows).max().orElse(KvCachePolicy.ALL_ROWS);
        this.promptEnd = promptEnd;
        this.queries = new NDArray[layers];
        this.positions = new int[layers][];
        this.caches = new KvCache[layers];
        if (rows < 1) {
            throw new IllegalArgumentException("a KV-cache policy must ask for at least one query row, not " + rows);
        }
    }

    /**
     * Records that {@code layer} appended tokens at {@code tokenPositions} with queries {@code q}
     * ({@code [batch, heads, tokens, headDim]}, kept beyond the layer's scope by the caller) to {@code cache}. The log
     * owns {@code q} from here: when the policies asked for fewer rows, it keeps a copy of the last ones and frees
     * {@code q} at once, so a long prompt's queries do not stay for the rest of the step.
     */
    void record(int layer, NDArray q, int[] tokenPositions, KvCache cache) {
        int tokens = tokenPositions.length;
        int kept = Math.min(rows, tokens);
        NDArray last = q;
        if (kept < tokens) {
            last = Step.shared(q.get(new NDIndex().addAllDim(2).addSliceDim(tokens - kept, tokens)).duplicate());
            q.close();
        }
        forget(layer);
        queries[layer] = last;
        positions[layer] = Arrays.copyOfRange(tokenPositions, tokens - kept, tokens);
        caches[layer] = cache;
    }

    /**
     * Tells the policies about {@code layer} now when its append just put the prompt's last token into it (a prompt
     * phase), and frees the recorded queries; otherwise leaves the layer for {@link #fire}.
     */
    void afterLayer(int layer, LayerSession session) {
        if (promptEnd < 0 || queries[layer] == null || !contains(positions[layer], promptEnd)) {
            return;
        }
        tell(layer, session);
    }

    /** Tells every policy, in installation order, about every layer not yet told since its last append, in order. */
    void fire(LayerSession session) {
        for (int l = 0; l < queries.length; l++) {
            if (queries[l] != null) {
                tell(l, session);
            }
        }
    }

    /** Frees the queries still recorded (a phase that failed, or layers never told). */
    void close() {
        for (int l = 0; l < queries.length; l++) {
            forget(l);
        }
    }

    private void tell(int layer, LayerSession session) {
        KvCacheEvent event = new KvCacheEvent(phase, layer, queries[layer], positions[layer].clone(), caches[layer],
                session);
        // what the policies compute (votes, gather indices, copies) is freed before the next layer runs
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (KvCachePolicy policy : policies) {
                policy.afterAppend(event);
            }
        } finally {
            forget(layer);
        }
    }

    private void forget(int layer) {
        if (queries[layer] != null) {
            queries[layer].close();
            queries[layer] = null;
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
