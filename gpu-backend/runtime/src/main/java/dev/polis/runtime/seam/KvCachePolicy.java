package dev.polis.runtime.seam;

import ai.djl.ndarray.NDArray;

/**
 * Decides what a layer's KV cache keeps: called by every attention layer after it has written a multi-token
 * append (a prompt) to its cache. SnapKV compresses here; the default keeps everything.
 */
@FunctionalInterface
public interface KvCachePolicy {

    /**
     * Lets the policy rewrite {@code cache} (for example with {@link KvCache#replace}).
     *
     * @param layer   the layer index
     * @param queries the appended tokens' queries after the rotary embedding, {@code [batch, heads, tokens, headDim]}
     * @param cache   the layer's cache, already holding the appended keys and values
     */
    void afterPrefill(int layer, NDArray queries, KvCache cache);
}
