package dev.polis.runtime.seam;

/**
 * Decides what a layer's KV cache keeps (SnapKV compresses here; the default keeps everything).
 *
 * <p>Called once per layer for every {@link AppendPhase phase} that appended to that layer. For a prompt, a layer
 * is told as soon as the append holding the prompt's last token has gone through it, before the next layer runs:
 * once per layer when the {@link PrefillStrategy} runs each layer once (dense, LazyLLM's layer-wise pruning), after
 * the last piece when it splits the prompt into pieces that each go through every layer (chunked prefill). So a
 * compressing policy frees each layer's cache before the next layer fills its own, and the full caches of all layers
 * never coexist. A layer appended to again after it was told, in the same prompt, is told once more when the prompt
 * ends. After a speculative decoder's verification block and other multi-token appends, every appended layer is
 * told when the phase ends, in layer order. Never for single-token decode steps, and never when no policy is
 * installed, so the default path pays nothing. A policy that acts only on prompts checks {@code event.phase()}.
 *
 * <p>{@link #queryRows()} says how many of an append's last query rows the policy reads from
 * {@link KvCacheEvent#queries()}; the runtime keeps only the most any installed policy asks for (SnapKV: its
 * observation window), not a long prompt's every query.
 *
 * <p>It may rewrite the cache ({@link KvCache#replace}, {@link KvCache#crop}); where the session is cropped afterwards
 * (speculative decoders crop rejected drafts) every head must hold as many of the positions the crop keeps.
 */
@FunctionalInterface
public interface KvCachePolicy {

    /** What {@link #queryRows()} returns to read every query row of an append (the default). */
    int ALL_ROWS = Integer.MAX_VALUE;

    /** Lets the policy rewrite {@code event.cache()}. */
    void afterAppend(KvCacheEvent event);

    /**
     * Returns how many of an append's last query rows this policy reads (at least 1); {@link KvCacheEvent#queries()}
     * then holds at most that many, the last ones, or every row of a shorter append. The default, {@link #ALL_ROWS},
     * keeps every row, as the runtime did before policies could say.
     */
    default int queryRows() {
        return ALL_ROWS;
    }
}
