package dev.polis.runtime.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.seam.AttentionProbeSeam;
import dev.polis.runtime.seam.DecodeSeam;
import dev.polis.runtime.seam.DecodeStrategy;
import dev.polis.runtime.seam.FeedForward;
import dev.polis.runtime.seam.FeedForwardSeam;
import dev.polis.runtime.seam.KvCachePolicy;
import dev.polis.runtime.seam.KvCachePolicySeam;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.LayerSession;
import dev.polis.runtime.seam.PrefillSeam;
import dev.polis.runtime.seam.PrefillStrategy;

/**
 * The layer stack of a decoder-only transformer and its replaceable parts: embedding, decoder layers with their
 * feed-forward blocks, final norm and LM head, plus the installed KV-cache policies, prefill and decode strategies
 * and attention probe request.
 */
final class Transformer implements LayerAccess, FeedForwardSeam, KvCachePolicySeam, PrefillSeam, AttentionProbeSeam,
        DecodeSeam {

    /**
     * The most rows of one sequence a layer-level run or the head takes on the Java heap (a self-speculative
     * verification pass); longer runs go through PyTorch, whose batched products do more flops per byte than the heap
     * kernel's, and so do the session's own prompts and appends of any length ({@link TransformerSession#bulkAppend}).
     */
    static final int HEAP_ROWS = 16;

    private final ModelConfig config;
    private final ModelWeights weights;
    private final Rope rope;
    private final NDManager manager;
    private final List<DecoderLayer> layers = new ArrayList<>();
    private final FeedForward[] feedForwards;
    private final List<KvCachePolicy> policies = new CopyOnWriteArrayList<>();
    private volatile PrefillStrategy prefill = PrefillStrategy.dense();
    private volatile int probeRows;
    /** Null until an accelerator installs one: sessions then take decode steps without consulting it. */
    private volatile DecodeStrategy decode;
    private final float eps;
    private final HostLinear linear;
    /** The heap decode step, or {@code null} when the host path is off. */
    private final HostDecode host;

    Transformer(Path folder, ModelConfig config, ModelWeights weights, Rope rope, NDManager manager,
            long attentionFloats, HostLinear linear) {
        this.config = config;
        this.weights = weights;
        this.rope = rope;
        this.manager = manager;
        this.eps = (float) config.rmsNormEps();
        this.linear = linear;
        this.feedForwards = new FeedForward[config.layers()];
        for (int i = 0; i < config.layers(); i++) {
            LayerWeights w = weights.layers().get(i);
            layers.add(new DecoderLayer(new Attention(i, config, w, rope, attentionFloats, linear), w, eps));
            feedForwards[i] = w.down() == null ? new MissingFeedForward(folder, i)
                    : new SwiGlu(w.gateUp(), w.down(), linear);
        }
        this.host = linear.enabled() ? new HostDecode(config, weights, rope, linear, feedForwards) : null;
    }

    /** Returns the heap decode step, or {@code null} when single-row products stay with PyTorch. */
    HostDecode host() {
        return host;
    }

    Rope rope() {
        return rope;
    }

    /** Returns how this model computes its linear maps. */
    HostLinear linear() {
        return linear;
    }

    /** Refuses to open a session while a layer without dense feed-forward tensors has no replacement block. */
    void requireFeedForwards() {
        for (FeedForward block : feedForwards) {
            if (block instanceof MissingFeedForward missing) {
                throw missing.problem();
            }
        }
    }

    @Override
    public int layers() {
        return config.layers();
    }

    @Override
    public int hiddenSize() {
        return config.hiddenSize();
    }

    @Override
    public NDArray embed(LayerSession session, int[][] tokens) {
        int batch = tokens.length;
        int count = tokens[0].length;
        long[] ids = new long[batch * count];
        for (int b = 0; b < batch; b++) {
            if (tokens[b].length != count) {
                throw new IllegalArgumentException("every sequence of a batch must append the same number of tokens");
            }
            for (int t = 0; t < count; t++) {
                int id = tokens[b][t];
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of "
                            + config.vocabSize());
                }
                ids[b * count + t] = id;
            }
        }
        NDArray index = session.stepManager().create(ids, new Shape(batch, count));
        return index.getNDArrayInternal().embedding(index, weights.embedding(), SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    public NDArray run(LayerSession session, NDArray hidden, int[] positions, int from, int to) {
        if (from < 0 || to > layers.size() || from > to) {
            throw new IllegalArgumentException("layer range [" + from + ", " + to + ") is outside [0, "
                    + layers.size() + ")");
        }
        NDArray onHeap = heapRun(session, hidden, positions, from, to);
        if (onHeap != null) {
            return onHeap;
        }
        Step step = new Step(session.stepManager(), positions, rope);
        PhaseLog log = null;
        if (session instanceof TransformerSession own) {
            log = own.phaseLog();
            if (probeRows > 0) {
                step.probeRows = probeRows;
                step.probeSink = own.attentionSink();
            }
        }
        NDArray h = hidden;
        for (int l = from; l < to; l++) {
            NDArray out;
            // each layer's intermediates (scores and probabilities: heads x tokens x slots) are freed when it is
            // done, so a prompt's peak memory is one layer's attention, not every layer's
            try (NDScope layer = new NDScope()) {
                out = layers.get(l).apply(h, step, session.cache(l), feedForwards[l], log);
                NDScope.unregister(out);
            }
            if (h != hidden) {
                h.close();
            }
            h = out;
            if (log != null) {
                // a prompt's layer is compressed (when a policy does) before the next layer fills its own cache
                log.afterLayer(l, session);
            }
        }
        return h;
    }

    /**
     * Runs a few consecutive tokens' hidden states (up to {@link #HEAP_ROWS}) through layers {@code [from, to)} on the
     * Java heap ({@link HostDecode}) and returns them as an array of the step, or returns {@code null} when PyTorch
     * must (more rows, a logged phase, probes, an accelerator's block, the host path off).
     */
    private NDArray heapRun(LayerSession session, NDArray hidden, int[] positions, int from, int to) {
        int rows = positions.length;
        if (host == null || rows > HEAP_ROWS || hidden.getShape().size() != (long) rows * config.hiddenSize()
                || (session instanceof TransformerSession own && (own.phaseLog() != null
                        || rows > 1 && own.bulkAppend()))
                || !host.acceptsLayers(session, this, from, to)) {
            return null;
        }
        float[][] h = host.layers(session, split(hidden.toFloatArray(), rows), positions, from, to);
        return session.stepManager().create(join(h), hidden.getShape());
    }

    @Override
    public NDArray logits(NDArray hidden) {
        long size = hidden.getShape().size();
        int rows = (int) (size / config.hiddenSize());
        if (host != null && rows >= 1 && rows <= HEAP_ROWS && size == (long) rows * config.hiddenSize()
                && host.headReady()) {
            long[] shape = hidden.getShape().getShape().clone();
            shape[shape.length - 1] = config.vocabSize();
            float[][] logits = host.logits(split(hidden.toFloatArray(), rows));
            return hidden.getManager().create(join(logits), new Shape(shape));
        }
        return linear.apply(Ops.rmsNorm(hidden, weights.finalNorm(), eps), weights.lmHead(), null);
    }

    private static float[][] split(float[] flat, int rows) {
        int width = flat.length / rows;
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return out;
    }

    private static float[] join(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * rows[r].length, rows[r].length);
        }
        return flat;
    }

    @Override
    public FeedForward block(int layer) {
        return feedForwards[layer];
    }

    @Override
    public synchronized void replace(int layer, UnaryOperator<FeedForward> change) {
        feedForwards[layer] = change.apply(feedForwards[layer]);
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public void add(KvCachePolicy policy) {
        policies.add(policy);
    }

    /** Returns whether any policy is installed (the default path asks this and nothing more). */
    boolean hasPolicies() {
        return !policies.isEmpty();
    }

    @Override
    public List<KvCachePolicy> policies() {
        return List.copyOf(policies);
    }

    @Override
    public DecodeStrategy decodeStrategy() {
        DecodeStrategy current = decode;
        return current == null ? DecodeStrategy.dense() : current;
    }

    @Override
    public synchronized void replaceDecode(UnaryOperator<DecodeStrategy> change) {
        decode = change.apply(decodeStrategy());
    }

    /** Returns the installed decode strategy, or {@code null} on the default path. */
    DecodeStrategy installedDecode() {
        return decode;
    }

    @Override
    public synchronized void request(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("ask for at least one row of attention probabilities, not " + rows);
        }
        probeRows = Math.max(probeRows, rows);
    }

    @Override
    public int requestedRows() {
        return probeRows;
    }

    @Override
    public PrefillStrategy strategy() {
        return prefill;
    }

    @Override
    public synchronized void replace(UnaryOperator<PrefillStrategy> change) {
        prefill = change.apply(prefill);
    }
}
