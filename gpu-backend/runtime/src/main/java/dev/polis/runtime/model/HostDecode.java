package dev.polis.runtime.model;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.seam.FeedForward;
import dev.polis.runtime.seam.KvCache;
import dev.polis.runtime.seam.LayerSession;

/**
 * A whole decode step of one token computed on the Java heap: norms, the linear maps ({@link HostMatVec}), rotary
 * embedding, attention over a heap copy of each layer's KV cache ({@link HeapAttention}), the SwiGLU block and the LM
 * head, with no PyTorch operation on the way. A decode step through PyTorch costs about 1,200 small native operations
 * of 2-20 µs each beside reading the weights (issue 23); here the step is the weights' reading plus a little
 * arithmetic.
 *
 * <p>It takes the steps the default path would: a batch of one on the CPU, float32 weights copied to the heap, no
 * decode strategy or attention probe installed, every feed-forward block the checkpoint's own SwiGLU. A layer-level
 * caller's runs of up to {@link Transformer#HEAP_ROWS} rows of one sequence ({@code LayerAccess.run}: LayerSkip's
 * drafts and verification passes) take its layers the same way, and so do the final norm and head of that many rows.
 * Anything else (an accelerator's block, a batch, longer runs, the session's own prompts and appends, a phase logged
 * for KV-cache policies) keeps the PyTorch path, which stays the reference: the two agree to float32 rounding.
 */
final class HostDecode {

    /** The heap weights of one layer. */
    private record Layer(float[] inputNorm, float[] qkv, float[] qkvBias, float[] output, float[] outputBias,
                         float[] postNorm, float[] gateUp, float[] down) {
    }

    private final ModelConfig config;
    private final ModelWeights weights;
    private final Rope rope;
    private final HostLinear linear;
    private final HeapAttention attention;
    private final int hidden;
    private final int qkvRows;
    private final int attended;
    private final float eps;
    private final FeedForward[] own;
    private Layer[] layers;
    private float[] finalNorm;
    private float[] head;
    private boolean refused;
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong layerRuns = new AtomicLong();

    /**
     * A host step for the model whose own feed-forward blocks are {@code own} (the checkpoint's SwiGLU); only where
     * {@code linear} is {@link HostLinear#enabled() enabled}.
     */
    HostDecode(ModelConfig config, ModelWeights weights, Rope rope, HostLinear linear, FeedForward[] own) {
        this.own = own.clone();
        this.config = config;
        this.weights = weights;
        this.rope = rope;
        this.linear = linear;
        this.attention = new HeapAttention(config.heads(), config.kvHeads(), config.headDim());
        this.hidden = config.hiddenSize();
        this.qkvRows = (config.heads() + 2 * config.kvHeads()) * config.headDim();
        this.attended = config.heads() * config.headDim();
        this.eps = (float) config.rmsNormEps();
    }

    /**
     * Returns whether the next decode step of {@code session} through {@code depth} layers can run here: no decode
     * strategy is installed, and {@link #acceptsLayers} holds for layers {@code [0, depth)}.
     */
    boolean accepts(LayerSession session, Transformer transformer, int depth) {
        return transformer.installedDecode() == null && acceptsLayers(session, transformer, 0, depth);
    }

    /**
     * Returns whether rows of {@code session} can go through layers {@code [from, to)} here: a batch of one, no
     * attention probe requested, each of those layers' feed-forward block the checkpoint's own and its cache
     * readable on the heap. The first call copies the weights to the heap (or finds the heap too small, and says no
     * from then on).
     */
    synchronized boolean acceptsLayers(LayerSession session, Transformer transformer, int from, int to) {
        if (refused || session.batchSize() != 1 || transformer.requestedRows() > 0 || !copied()) {
            return false;
        }
        for (int l = from; l < to; l++) {
            if (transformer.block(l) != own[l] || !session.cache(l).heapReadable()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends {@code token} at {@code position} to {@code session}'s caches through its first {@code depth} layers and
     * returns the logits after it; the caller counts the token into the session's length.
     */
    float[] step(LayerSession session, int token, int position, int depth) {
        float[] h = layers(session, embedding(token), position, 0, depth);
        steps.incrementAndGet();
        return logits(h);
    }

    /**
     * Runs the hidden state {@code h} of one token at {@code position} through layers {@code [from, to)}, appending to
     * their caches, and returns it (updated in place).
     */
    float[] layers(LayerSession session, float[] h, int position, int from, int to) {
        return layers(session, new float[][] {h}, new int[] {position}, from, to)[0];
    }

    /**
     * Runs the hidden states {@code h[j]} of consecutive tokens at {@code positions[j]} through layers
     * {@code [from, to)}, appending them to the caches, each token attending to the slots before it and itself, and
     * returns them (updated in place). A row's bits are those it would get run alone after the rows before it:
     * several rows read each weight once instead of once per row (a self-speculative verification pass).
     */
    float[][] layers(LayerSession session, float[][] h, int[] positions, int from, int to) {
        HostMatVec product = linear.matVec();
        int kvWidth = config.kvHeads() * config.headDim();
        int n = h.length;
        layerRuns.incrementAndGet();
        for (int l = from; l < to; l++) {
            Layer w = layers[l];
            float[][] qkv = product.multiply(w.qkv(), qkvRows, hidden, rmsNorm(h, w.inputNorm()));
            KvCache cache = session.cache(l);
            int before = cache.length();
            for (int j = 0; j < n; j++) {
                addBias(qkv[j], w.qkvBias());
                for (int head = 0; head < config.heads() + config.kvHeads(); head++) {
                    rope.rotate(qkv[j], head * config.headDim(), positions[j]);
                }
                float[] k = new float[kvWidth];
                float[] v = new float[kvWidth];
                System.arraycopy(qkv[j], attended, k, 0, kvWidth);
                System.arraycopy(qkv[j], attended + kvWidth, v, 0, kvWidth);
                cache.appendHeap(k, v, positions[j]);
            }
            float[][] context = attention.attend(qkv, cache.heapRows(), before, product);
            float[][] out = product.multiply(w.output(), hidden, attended, context);
            for (int j = 0; j < n; j++) {
                addBias(out[j], w.outputBias());
                add(h[j], out[j]);
            }
            int inner = w.down().length / hidden;
            float[][] gateUp = product.multiply(w.gateUp(), 2 * inner, hidden, rmsNorm(h, w.postNorm()));
            float[][] activated = new float[n][inner];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < inner; i++) {
                    float gate = gateUp[j][i];
                    activated[j][i] = gate * (float) (1.0 / (1.0 + Math.exp(-gate))) * gateUp[j][inner + i];
                }
            }
            float[][] down = product.multiply(w.down(), hidden, inner, activated);
            for (int j = 0; j < n; j++) {
                add(h[j], down[j]);
            }
        }
        return h;
    }

    /** Returns the logits of one hidden state: the final norm and the LM head; only after {@link #acceptsLayers}. */
    float[] logits(float[] h) {
        return linear.matVec().multiply(head, config.vocabSize(), hidden, rmsNorm(h, finalNorm));
    }

    /** Returns the logits of several hidden states, each the same bits as {@link #logits(float[])} gives for it. */
    float[][] logits(float[][] h) {
        return linear.matVec().multiply(head, config.vocabSize(), hidden, rmsNorm(h, finalNorm));
    }

    /** Returns whether the final norm and LM head can run here (the weights are on the heap). */
    synchronized boolean headReady() {
        return !refused && copied();
    }

    /** Returns how many layer ranges ran here (each whole step counts one), since the model loaded. */
    long layerRuns() {
        return layerRuns.get();
    }

    /** Returns how many decode steps ran here since the model loaded. */
    long steps() {
        return steps.get();
    }

    /** Copies what the step reads to the heap, once; returns false (and remembers it) when the heap lacks room. */
    private boolean copied() {
        if (layers != null) {
            return true;
        }
        List<LayerWeights> source = weights.layers();
        Layer[] copies = new Layer[source.size()];
        for (int l = 0; l < copies.length; l++) {
            LayerWeights w = source.get(l);
            if (!(own[l] instanceof SwiGlu block)) {
                refused = true;
                return false;
            }
            copies[l] = new Layer(floats(w.inputNorm()), linear.heap(w.qkv()), floats(w.qkvBias()),
                    linear.heap(w.output()), floats(w.outputBias()), floats(w.postNorm()),
                    linear.heap(block.gateUp()), linear.heap(block.down()));
            if (copies[l].qkv() == null || copies[l].output() == null || copies[l].gateUp() == null
                    || copies[l].down() == null) {
                refused = true;
                return false;
            }
        }
        float[] lmHead = linear.heap(weights.lmHead());
        if (lmHead == null) {
            refused = true;
            return false;
        }
        finalNorm = floats(weights.finalNorm());
        head = lmHead;
        layers = copies;
        return true;
    }

    private float[] embedding(int token) {
        if (token < 0 || token >= config.vocabSize()) {
            throw new IllegalArgumentException("token id " + token + " is outside the vocabulary of "
                    + config.vocabSize());
        }
        float[] row = new float[hidden];
        if (weights.lmHead() == weights.embedding()) {
            System.arraycopy(head, token * hidden, row, 0, hidden);
            return row;
        }
        try (NDArray embedded = weights.embedding().get(token)) {
            return embedded.toFloatArray();
        }
    }

    private float[][] rmsNorm(float[][] x, float[] weight) {
        float[][] out = new float[x.length][];
        for (int j = 0; j < x.length; j++) {
            out[j] = rmsNorm(x[j], weight);
        }
        return out;
    }

    /** {@code x / sqrt(mean(x²) + eps) * weight}, as {@code Ops.rmsNorm}; the squares summed in double. */
    private float[] rmsNorm(float[] x, float[] weight) {
        double squares = 0;
        for (float value : x) {
            squares += value * value;
        }
        float root = (float) Math.sqrt((float) (squares / x.length) + eps);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / root * weight[i];
        }
        return out;
    }

    private static void addBias(float[] x, float[] bias) {
        if (bias != null) {
            add(x, bias);
        }
    }

    private static void add(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
    }

    private static float[] floats(NDArray array) {
        return array == null ? null : array.toFloatArray();
    }
}
