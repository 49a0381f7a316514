package dev.polis.runtime.seam;

import java.util.function.Supplier;
import ai.djl.ndarray.NDManager;
import dev.polis.api.inference.LmSession;

/**
 * A runtime session as the seams see it: one {@link KvCache} per layer and the manager of the step in progress.
 * The runtime's {@code TransformerSession} is one; {@link LayerAccess} and {@link PrefillStrategy} work on it.
 */
public interface LayerSession extends LmSession {

    /** Returns how many sequences this session decodes together. */
    int batchSize();

    /** Returns the most tokens a sequence may hold. */
    int capacity();

    /** Returns the cache of {@code layer}, for KV-cache policies and layer-level decoders. */
    KvCache cache(int layer);

    /**
     * Returns the attention probabilities of {@code layer}'s latest run in the step in progress, when an accelerator
     * asked for them through {@link AttentionProbeSeam}; empty otherwise (and outside a step). A prefill strategy
     * reads them after running a layer; a KV-cache policy reads those of its event's layer.
     */
    java.util.Optional<AttentionRows> attention(int layer);

    /** Returns the manager of the step in progress; only valid inside {@link #step(Supplier)}. */
    NDManager stepManager();

    /**
     * Runs {@code work} as one step: arrays it creates are freed when it returns, so it must return plain Java
     * values. Steps may nest; the outermost one frees.
     */
    <R> R step(Supplier<R> work);

    /**
     * Runs {@code work} as a step in which appends count as {@code phase}: when it returns, every installed
     * {@link KvCachePolicy} sees each layer that was appended to, once. Nested phases belong to the outermost one.
     * Layer-level decoders wrap multi-token appends in it (LayerSkip's verification block is {@link
     * AppendPhase#VERIFY}); prompts go through {@link dev.polis.api.inference.LmSession#appendLast} instead.
     */
    <R> R phase(AppendPhase phase, Supplier<R> work);
}
