package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * What a {@link KvCachePolicy} is told once a phase has finished appending to one layer's cache.
 *
 * <p>The arrays belong to the runtime: read them while {@link KvCachePolicy#afterAppend} runs, copy what must outlive
 * the call, never close them. The runtime frees the queries, and every array the policies created during the call,
 * when the call returns (what goes into the cache through {@link KvCache#replace} is copied there).
 *
 * @param phase     why the tokens were appended
 * @param layer     the layer index
 * @param queries   the queries (after the rotary embedding) of the layer's last append in this phase, its last
 *                  rows only: {@code [batch, heads, rows, headDim]} with {@code rows} the most any installed policy's
 *                  {@link KvCachePolicy#queryRows()} asks for, or every token of a shorter append (for a prompt,
 *                  its final tokens, the whole prompt unless the prefill strategy appended it in pieces); SnapKV's
 *                  observation window comes from here
 * @param positions the absolute positions of those rows' tokens
 * @param cache     the layer's cache, holding everything appended so far
 * @param session   the session the cache belongs to
 */
public record KvCacheEvent(AppendPhase phase, int layer, NDArray queries, int[] positions, KvCache cache,
                           LayerSession session) {
}
