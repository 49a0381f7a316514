package dev.polis.runtime.model;

import java.util.List;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.KvCache;
import dev.polis.runtime.seam.KvCacheEvent;
import dev.polis.runtime.seam.KvCachePolicy;
import dev.polis.runtime.seam.LayerSession;

/**
 * Remembers, while a session runs one {@link AppendPhase}, each layer's last append (its queries and positions), then
 * tells the installed KV-cache policies once per appended layer. Exists only while policies are installed and a phase
 * runs; the default path never makes one.
 */
final class PhaseLog {

    private final AppendPhase phase;
    private final NDArray[] queries;
    private final int[][] positions;
    private final KvCache[] caches;

    PhaseLog(AppendPhase phase, int layers) {
        this.phase = phase;
        this.queries = new NDArray[layers];
        this.positions = new int[layers][];
        this.caches = new KvCache[layers];
    }

    /** Records that {@code layer} appended tokens at {@code tokenPositions} with {@code q} to {@code cache}. */
    void record(int layer, NDArray q, int[] tokenPositions, KvCache cache) {
        queries[layer] = q;
        positions[layer] = tokenPositions;
        caches[layer] = cache;
    }

    /** Calls every policy, in installation order, for every layer appended to, in layer order. */
    void fire(List<KvCachePolicy> policies, LayerSession session) {
        for (int l = 0; l < queries.length; l++) {
            if (queries[l] == null) {
                continue;
            }
            KvCacheEvent event = new KvCacheEvent(phase, l, queries[l], positions[l].clone(), caches[l], session);
            for (KvCachePolicy policy : policies) {
                policy.afterAppend(event);
            }
        }
    }
}
