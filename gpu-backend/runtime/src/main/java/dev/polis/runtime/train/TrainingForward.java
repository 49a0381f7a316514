package dev.polis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Linear;
import java.util.function.IntFunction;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.model.LayerWeights;
import dev.polis.runtime.model.ModelWeights;
import dev.polis.runtime.model.Rope;

/**
 * The differentiable full-window forward used for training: the runtime's architecture (RMSNorm, RoPE,
 * grouped-query attention, SwiGLU, tied or untied head) over the runtime's fused weight layout, without a KV cache,
 * with per-sample layer skipping and a cross-entropy at any layer through the shared final norm and LM head. Each
 * layer's feed-forward block is a {@link TrainingFeedForward} (SwiGLU unless a recipe replaced it).
 * Tests check its logits against {@code TransformerLm}'s.
 */
final class TrainingForward {

    private final ModelConfig config;
    private final ModelWeights weights;
    private final Rope rope;
    private final IntFunction<TrainingFeedForward> blocks;
    private final float eps;
    private final float scale;
    private final CausalAttention causal;

    /** A forward with the runtime's SwiGLU in every layer. */
    TrainingForward(ModelConfig config, ModelWeights weights, Rope rope) {
        this(config, weights, rope, l -> {
            LayerWeights w = weights.layers().get(l);
            return (x, pass) -> TrainingBlocks.swiGlu(w, x);
        });
    }

    /** A forward whose layer {@code l} uses the feed-forward block {@code blocks.apply(l)}. */
    TrainingForward(ModelConfig config, ModelWeights weights, Rope rope, IntFunction<TrainingFeedForward> blocks) {
        this.causal = new CausalAttention(CausalAttention.DEFAULT_ROWS);
        this.config = config;
        this.weights = weights;
        this.rope = rope;
        this.blocks = blocks;
        this.eps = (float) config.rmsNormEps();
        this.scale = (float) (1.0 / Math.sqrt(config.headDim()));
    }

    /** Returns the embedded tokens {@code [batch, tokens, hidden]}. */
    NDArray embed(NDManager m, int[][] tokens) {
        int batch = tokens.length;
        int count = tokens[0].length;
        long[] ids = new long[batch * count];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < count; t++) {
                ids[b * count + t] = tokens[b][t];
            }
        }
        NDArray index = m.create(ids, new Shape(batch, count));
        return index.getNDArrayInternal().embedding(index, weights.embedding(), SparseFormat.DENSE)
                .singletonOrThrow();
    }

    /**
     * Runs layer {@code l} on the samples whose {@code keep} entry is true and passes the others through unchanged
     * ({@code keep == null} keeps all). Only kept rows are computed; its feed-forward block sees {@code pass}.
     */
    NDArray layer(NDManager m, int l, NDArray h, boolean[] keep, TrainingPass pass) {
        if (keep == null || allTrue(keep)) {
            return block(m, l, h, pass);
        }
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        if (kept == 0) {
            return h;
        }
        long[] index = new long[kept];
        for (int b = 0, j = 0; b < keep.length; b++) {
            if (keep[b]) {
                index[j++] = b;
            }
        }
        NDArray updated = block(m, l, h.get(m.create(index)), pass);
        NDList rows = new NDList();
        for (int b = 0, j = 0; b < keep.length; b++) {
            rows.add(keep[b] ? updated.get(j++) : h.get(b));
        }
        return NDArrays.stack(rows, 0);
    }

    /** Returns the logits {@code [batch, tokens, vocab]} of hidden states: final norm, then the LM head. */
    NDArray logits(NDArray h) {
        return linear(rmsNorm(h, weights.finalNorm()), weights.lmHead(), null);
    }

    /** Returns the mean next-token cross-entropy of {@code h}'s logits against {@code targets} ({@code [B, T]}). */
    NDArray crossEntropy(NDManager m, NDArray h, int[][] targets) {
        int batch = targets.length;
        int count = targets[0].length;
        long[] ids = new long[batch * count];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < count; t++) {
                ids[b * count + t] = targets[b][t];
            }
        }
        NDArray index = m.create(ids, new Shape(batch, count, 1)).toType(DataType.INT64, false);
        NDArray logProbabilities = logits(h).logSoftmax(-1);
        return logProbabilities.gather(index, -1).mean().neg();
    }

    /** Returns the full model's logits for {@code tokens} (no dropout), for checks against the runtime. */
    NDArray fullLogits(NDManager m, int[][] tokens) {
        NDArray h = embed(m, tokens);
        TrainingPass pass = AuxiliaryLosses.validation();
        for (int l = 0; l < config.layers(); l++) {
            h = block(m, l, h, pass);
        }
        return logits(h);
    }

    private NDArray block(NDManager m, int l, NDArray h, TrainingPass pass) {
        LayerWeights w = weights.layers().get(l);
        NDArray attended = h.add(attention(m, w, rmsNorm(h, w.inputNorm())));
        return attended.add(blocks.apply(l).apply(rmsNorm(attended, w.postNorm()), pass));
    }

    private NDArray attention(NDManager m, LayerWeights w, NDArray x) {
        int heads = config.heads();
        int kvHeads = config.kvHeads();
        int headDim = config.headDim();
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        NDList qkv = linear(x, w.qkv(), w.qkvBias())
                .split(new long[] {(long) heads * headDim, (long) (heads + kvHeads) * headDim}, 2);
        NDArray q = rope.applyFromStart(split(qkv.get(0), batch, tokens, heads), m);
        NDArray k = rope.applyFromStart(split(qkv.get(1), batch, tokens, kvHeads), m);
        NDArray v = split(qkv.get(2), batch, tokens, kvHeads);
        long group = heads / kvHeads;
        NDArray scaled = q.mul(GraphScalar.of(q, scale)).reshape(batch, kvHeads, group, tokens, headDim);
        NDArray context = causal.apply(m, scaled, k, v)
                .reshape(batch, heads, tokens, headDim)
                .transpose(0, 2, 1, 3)
                .reshape(batch, tokens, (long) heads * headDim);
        return linear(context, w.output(), w.outputBias());
    }

    private NDArray split(NDArray projected, long batch, long tokens, int headCount) {
        return projected.reshape(batch, tokens, headCount, config.headDim()).transpose(0, 2, 1, 3);
    }

    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        return x.div(meanSquare.add(GraphScalar.of(meanSquare, eps)).sqrt()).mul(weight);
    }

    private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return (bias == null ? Linear.linear(x, weight) : Linear.linear(x, weight, bias)).singletonOrThrow();
    }

    private static boolean allTrue(boolean[] keep) {
        for (boolean k : keep) {
            if (!k) {
                return false;
            }
        }
        return true;
    }
}
