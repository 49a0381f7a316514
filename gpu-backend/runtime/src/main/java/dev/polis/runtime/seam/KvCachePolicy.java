package dev.polis.runtime.seam;

/**
 * Decides what a layer's KV cache keeps (SnapKV compresses here; the default keeps everything).
 *
 * <p>Called once per layer at the end of every {@link AppendPhase phase} that appended to that layer: after the
 * prompt (once, however the {@link PrefillStrategy} split it), after a speculative decoder's verification block,
 * after other multi-token appends. Never for single-token decode steps, and never when no policy is installed, so
 * the default path pays nothing. A policy that acts only on prompts checks {@code event.phase()}.
 *
 * <p>It may rewrite the cache ({@link KvCache#replace}, {@link KvCache#crop}) and must keep, per head, slots in
 * increasing position order when the session is cropped afterwards (speculative decoders crop rejected drafts).
 */
@FunctionalInterface
public interface KvCachePolicy {

    /** Lets the policy rewrite {@code event.cache()}. */
    void afterAppend(KvCacheEvent event);
}
