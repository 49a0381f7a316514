package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * What a {@link KvCachePolicy} is told once a phase has finished appending to one layer's cache.
 *
 * <p>The arrays belong to the step in progress: read them, copy what must outlive the step, never close them.
 *
 * @param phase     why the tokens were appended
 * @param layer     the layer index
 * @param queries   the queries (after the rotary embedding) of the layer's last append in this phase,
 *                  {@code [batch, heads, tokens, headDim]}: for a prompt, its final tokens (the whole prompt unless
 *                  the prefill strategy appended it in pieces); SnapKV's observation window comes from here
 * @param positions the absolute positions of those queries' tokens
 * @param cache     the layer's cache, holding everything appended so far
 * @param session   the session the cache belongs to
 */
public record KvCacheEvent(AppendPhase phase, int layer, NDArray queries, int[] positions, KvCache cache,
                           LayerSession session) {
}
