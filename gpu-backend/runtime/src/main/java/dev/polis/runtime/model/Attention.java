package dev.polis.runtime.model;

import java.util.Arrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.seam.AttentionRows;
import dev.polis.runtime.seam.KvCache;

/**
 * Grouped-query self-attention of one layer over its KV cache: one fused projection for q, k and v, one rotary
 * embedding for queries and keys together, cache append, attention of each query group against its shared key/value
 * head, output projection. A prompt whose scores would exceed the load option's bound is attended in blocks of query
 * rows ({@link QueryBlocks}). When an accelerator asked ({@link dev.polis.runtime.seam.AttentionProbeSeam}), the
 * probabilities of the last query rows are kept for the session; a blocked prompt computes them apart, for those rows
 * only, so a probe never needs the whole score matrix. While a phase is logged ({@link PhaseLog}, only when KV-cache policies are installed), the
 * queries are recorded so the policies can run once the phase is done.
 */
final class Attention {

    private final int layer;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final float scale;
    private final LayerWeights weights;
    private final Rope rope;
    private final long attentionFloats;
    private final HostLinear linear;

    Attention(int layer, ModelConfig config, LayerWeights weights, Rope rope, long attentionFloats,
              HostLinear linear) {
        this.layer = layer;
        this.heads = config.heads();
        this.kvHeads = config.kvHeads();
        this.headDim = config.headDim();
        this.scale = (float) (1.0 / Math.sqrt(headDim));
        this.weights = weights;
        this.rope = rope;
        this.attentionFloats = attentionFloats;
        this.linear = linear;
    }

    /** Returns the attention output for normalised {@code x} ({@code [batch, tokens, hidden]}). */
    NDArray apply(NDArray x, Step step, KvCache cache, PhaseLog log) {
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        // heads first: [batch, heads + 2·kvHeads, tokens, headDim]; queries and keys are rotated together
        NDList qkAndV = linear.apply(x, weights.qkv(), weights.qkvBias())
                .reshape(batch, tokens, heads + 2L * kvHeads, headDim)
                .transpose(0, 2, 1, 3)
                .split(new long[] {heads + kvHeads}, 1);
        NDList qk = rope.apply(qkAndV.get(0), step.rope).split(new long[] {heads}, 1);
        NDArray q = qk.get(0);
        NDArray k = qk.get(1);
        NDArray v = qkAndV.get(1);
        cache.append(k, v, step.positions);
        NDArray keys = cache.keys(step.manager);
        NDArray values = cache.values(step.manager);
        long slots = keys.getShape().get(2);
        long block = QueryBlocks.rows(attentionFloats, heads, tokens, slots);
        NDArray attended;
        if (block >= tokens) {
            attended = attend(q, keys, values, step.mask(cache), step, cache, batch, tokens, slots);
        } else {
            // a shared-slot cache's mask is made block by block, never as one [tokens, slots] array
            boolean shared = cache.headsShareSlots();
            int[] visible = shared ? QueryBlocks.visiblePrefix(cache.positions(), step.positions) : null;
            QueryBlocks.MaskRows mask = shared ? step.maskRows(cache) : QueryBlocks.MaskRows.of(step.mask(cache));
            attended = QueryBlocks.attend(q.mul(scale), keys, values, mask, block, kvHeads, visible);
            if (step.probeRows > 0) {
                probeLastRows(q, keys, mask, step, cache, batch, tokens, slots);
            }
        }
        NDArray context = attended
                .reshape(batch, heads, tokens, headDim)
                .transpose(0, 2, 1, 3)
                .reshape(batch, tokens, (long) heads * headDim);
        NDArray out = linear.apply(context, weights.output(), weights.outputBias());
        if (log != null) {
            log.record(layer, Step.shared(q), step.positions, cache);
        }
        return out;
    }

    /** Attends all query rows at once: {@code [batch, kvHeads, group · tokens, headDim]}. */
    private NDArray attend(NDArray q, NDArray keys, NDArray values, NDArray mask, Step step, KvCache cache,
                           long batch, long tokens, long slots) {
        long group = heads / kvHeads;
        NDArray grouped = q.mul(scale).reshape(batch, kvHeads, group * tokens, headDim);
        NDArray scores = grouped.matMul(keys.transpose(0, 1, 3, 2));
        if (mask != null) {
            scores = scores.reshape(batch, kvHeads, group, tokens, slots).add(mask)
                    .reshape(batch, kvHeads, group * tokens, slots);
        }
        NDArray probabilities = scores.softmax(-1);
        if (step.probeRows > 0) {
            keep(probabilities, step, cache, batch, tokens, slots);
        }
        return probabilities.matMul(values);
    }

    /** Computes the probabilities of the last query rows alone and keeps them for the session. */
    private void probeLastRows(NDArray q, NDArray keys, QueryBlocks.MaskRows mask, Step step, KvCache cache,
                               long batch, long tokens, long slots) {
        long rows = Math.min(step.probeRows, tokens);
        long group = heads / kvHeads;
        NDArray last = q.get(new NDIndex().addAllDim(2).addSliceDim(tokens - rows, tokens)).mul(scale)
                .reshape(batch, kvHeads, group * rows, headDim);
        NDArray scores = last.matMul(keys.transpose(0, 1, 3, 2));
        NDArray rowsMask = mask.rows(tokens - rows, tokens, slots);
        if (rowsMask != null) {
            scores = scores.reshape(batch, kvHeads, group, rows, slots).add(rowsMask)
                    .reshape(batch, kvHeads, group * rows, slots);
        }
        keep(scores.softmax(-1), step, cache, batch, rows, slots);
    }

    /** Keeps the probabilities of the last query rows, {@code [batch, heads, rows, slots]}, for the session. */
    private void keep(NDArray probabilities, Step step, KvCache cache, long batch, long tokens, long slots) {
        int rows = (int) Math.min(step.probeRows, tokens);
        // a copy, not a view: a view would keep the layer's whole probability tensor alive until the step ends
        NDArray last = Step.shared(probabilities.reshape(batch, heads, tokens, slots)
                .get(new NDIndex().addAllDim(2).addSliceDim(tokens - rows, tokens)).duplicate());
        int[][] keys = new int[kvHeads][];
        for (int h = 0; h < kvHeads; h++) {
            keys[h] = cache.positions(h);
        }
        int[] queries = Arrays.copyOfRange(step.positions, step.positions.length - rows, step.positions.length);
        step.probeSink[layer] = new AttentionRows(layer, last, queries, keys);
    }
}
