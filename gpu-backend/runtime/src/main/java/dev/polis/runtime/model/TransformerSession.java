package dev.polis.runtime.model;

import java.util.Optional;
import java.util.function.Supplier;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.AttentionRows;
import dev.polis.runtime.seam.DecodeStrategy;
import dev.polis.runtime.seam.KvCache;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.LayerSession;

/**
 * A batch of sequences decoded together on a {@link TransformerLm}, with one KV cache per layer (growing by blocks
 * as tokens arrive).
 *
 * <p>Every call works inside a step: a sub-manager and an {@link NDScope} that free all intermediate arrays when
 * the call returns, so native memory stays flat over long generations. As an {@link LmSession} it is a batch of
 * one; {@link #appendBatch} drives several sequences of equal length at once.
 */
public final class TransformerSession implements LayerSession {

    private final Transformer transformer;
    private final NDManager manager;
    private final KvCache[] caches;
    private final int batch;
    private final int capacity;
    private NDManager step;
    private PhaseLog phaseLog;
    /** True while the session's own prompt or multi-token append runs: those rows stay on PyTorch. */
    private boolean bulk;
    private AttentionRows[] attention;
    private int length;

    TransformerSession(Transformer transformer, NDManager parent, int batch, int capacity, int kvHeads, int headDim) {
        this.transformer = transformer;
        this.manager = parent.newSubManager();
        this.batch = batch;
        this.capacity = capacity;
        this.caches = new KvCache[transformer.layers()];
        for (int l = 0; l < caches.length; l++) {
            caches[l] = new KvCache(manager, batch, kvHeads, capacity, headDim);
        }
    }

    /** Returns how many sequences this session decodes together. */
    @Override
    public int batchSize() {
        return batch;
    }

    /** Returns the most tokens a sequence may hold. */
    @Override
    public int capacity() {
        return capacity;
    }

    /** Returns the cache of {@code layer}, for KV-cache policies and layer-level decoders. */
    @Override
    public KvCache cache(int layer) {
        return caches[layer];
    }

    /** Returns the manager of the step in progress; only valid inside {@link #step(Supplier)}. */
    @Override
    public NDManager stepManager() {
        if (step == null) {
            throw new IllegalStateException("no step in progress: call layer-level operations inside step(...)");
        }
        return step;
    }

    /**
     * Runs {@code work} as one step: arrays it creates are freed when it returns, so it must return plain Java
     * values (copy what it needs out of the arrays first). Steps may nest; the outermost one frees.
     */
    @Override
    public <R> R step(Supplier<R> work) {
        if (step != null) {
            return work.get();
        }
        try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            step = m;
            return work.get();
        } finally {
            step = null;
            attention = null;
        }
    }

    @Override
    public <R> R phase(AppendPhase phase, Supplier<R> work) {
        return phase(phase, -1, work);
    }

    /**
     * Runs {@code work} as a phase whose layers the policies are told about one by one, as soon as the token at
     * {@code promptEnd} has gone through each ({@link PhaseLog#afterLayer}), or all at the end when it is -1.
     */
    private <R> R phase(AppendPhase phase, int promptEnd, Supplier<R> work) {
        return step(() -> {
            if (phaseLog != null || !transformer.hasPolicies()) {
                return work.get();
            }
            PhaseLog log = new PhaseLog(phase, caches.length, transformer.policies(), promptEnd);
            phaseLog = log;
            try {
                R result = work.get();
                phaseLog = null;
                log.fire(this);
                return result;
            } finally {
                phaseLog = null;
                log.close();
            }
        });
    }

    @Override
    public Optional<AttentionRows> attention(int layer) {
        return attention == null || step == null ? Optional.empty() : Optional.ofNullable(attention[layer]);
    }

    /** Returns where this step's layers keep attention probabilities (only asked when an accelerator wants them). */
    AttentionRows[] attentionSink() {
        if (attention == null) {
            attention = new AttentionRows[caches.length];
        }
        return attention;
    }

    /**
     * Returns whether the session's own prompt or multi-token append is running. Its rows go through PyTorch even
     * when few, so that a prompt's logits do not depend on its length or on an installed policy; a layer-level
     * decoder's short runs (a verification pass) may take the Java heap.
     */
    boolean bulkAppend() {
        return bulk;
    }

    private <R> Supplier<R> bulk(Supplier<R> work) {
        return () -> {
            boolean was = bulk;
            bulk = true;
            try {
                return work.get();
            } finally {
                bulk = was;
            }
        };
    }

    /** Returns the log of the phase in progress, or {@code null} (always on the default path). */
    PhaseLog phaseLog() {
        return phaseLog;
    }

    @Override
    public float[][] append(int[] tokens) {
        requireSingle();
        return appendBatch(new int[][] {tokens})[0];
    }

    /** Appends {@code tokens[b]} to sequence {@code b} and returns {@code [batch][tokens][vocab]} logits. */
    public float[][][] appendBatch(int[][] tokens) {
        int count = checkAppend(tokens);
        float[] hosted = count == 1 ? hostStep(tokens, caches.length) : null;
        if (hosted != null) {
            return new float[][][] {{hosted}};
        }
        Supplier<float[][][]> work = () -> {
            int[] positions = nextPositions(count);
            NDArray hidden = layers(transformer.embed(this, tokens), positions, caches.length);
            length += count;
            return rows(transformer.logits(lastRows(hidden, count)), count);
        };
        return count > 1 ? phase(AppendPhase.APPEND, bulk(work)) : step(work);
    }

    /**
     * Appends {@code tokens} (a prompt) through the installed prefill strategy and returns only the logits after the
     * last one: for long prompts far cheaper than {@link #append}, which returns a row per token.
     */
    @Override
    public float[] appendLast(int[] tokens) {
        requireSingle();
        return appendLastBatch(new int[][] {tokens})[0];
    }

    /**
     * {@link #appendLast} through the first {@code depth} layers only, then the final norm and LM head: how early-exit
     * decoders prefill a prompt through the installed strategy (which sees a {@link LayerAccess} of {@code depth}
     * layers).
     */
    public float[] appendLast(int[] tokens, int depth) {
        requireSingle();
        return appendLastBatch(new int[][] {tokens}, depth)[0];
    }

    /** Batched {@link #appendLast}: returns {@code [batch][vocab]}. */
    public float[][] appendLastBatch(int[][] tokens) {
        return appendLastBatch(tokens, caches.length);
    }

    /**
     * Batched {@link #appendLast(int[], int)}. A prompt (several tokens, or the first append) is a
     * {@link AppendPhase#PROMPT} run by the installed prefill strategy; one token more is a plain decode step.
     */
    public float[][] appendLastBatch(int[][] tokens, int depth) {
        int count = checkAppend(tokens);
        if (depth < 1 || depth > caches.length) {
            throw new IllegalArgumentException("depth must be in [1, " + caches.length + "] but was " + depth);
        }
        boolean prompt = count > 1 || length == 0;
        float[] hosted = prompt ? null : hostStep(tokens, depth);
        if (hosted != null) {
            return new float[][] {hosted};
        }
        Supplier<float[][]> work = () -> {
            int[] positions = nextPositions(count);
            NDArray embedded = transformer.embed(this, tokens);
            NDArray hidden = prompt
                    ? transformer.strategy().prefill(this, transformer.truncated(depth), embedded, positions)
                    : layers(embedded, positions, depth);
            length += count;
            float[][][] logits = rows(transformer.logits(lastRows(hidden, 1)), 1);
            float[][] out = new float[batch][];
            for (int b = 0; b < batch; b++) {
                out[b] = logits[b][0];
            }
            return out;
        };
        return prompt ? phase(AppendPhase.PROMPT, length + count - 1, bulk(work)) : step(work);
    }

    /**
     * Runs one decode step (one token after the prompt) on the Java heap ({@link HostDecode}) and returns its logits,
     * or returns {@code null} when the step must go through PyTorch (a batch, an accelerator, the host path off).
     */
    private float[] hostStep(int[][] tokens, int depth) {
        HostDecode host = transformer.host();
        if (host == null || length == 0 || phaseLog != null || !host.accepts(this, transformer, depth)) {
            return null;
        }
        float[] logits = host.step(this, tokens[0][0], length, depth);
        length++;
        return logits;
    }

    /**
     * Runs embedded tokens through the first {@code depth} layers: a decode step (one token after the prompt) goes
     * through the installed decode strategy when there is one; everything else, and every step of the default path,
     * straight through the layers.
     */
    private NDArray layers(NDArray embedded, int[] positions, int depth) {
        DecodeStrategy strategy = transformer.installedDecode();
        if (strategy == null || positions.length != 1 || length == 0) {
            return transformer.run(this, embedded, positions, 0, depth);
        }
        return strategy.decode(this, transformer.truncated(depth), embedded, positions);
    }

    /** Returns the last {@code count} rows of {@code hidden} (all of them on the default path). */
    private static NDArray lastRows(NDArray hidden, int count) {
        long rows = hidden.getShape().get(1);
        return rows == count ? hidden : hidden.get(new NDIndex().addAllDim().addSliceDim(rows - count, rows));
    }

    @Override
    public int length() {
        return length;
    }

    /**
     * Declares that the sequence now holds {@code tokens} tokens, for layer-level callers that append through
     * {@link dev.polis.runtime.seam.LayerAccess} rather than {@link #append}.
     */
    public void assumeLength(int tokens) {
        if (tokens < 0 || tokens > capacity) {
            throw new IllegalArgumentException("length " + tokens + " is outside [0, " + capacity + "]");
        }
        length = tokens;
    }

    @Override
    public void crop(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot crop a sequence of " + length + " tokens to " + newLength);
        }
        for (KvCache cache : caches) {
            cache.cropToSequence(newLength);
        }
        length = newLength;
    }

    @Override
    public void close() {
        for (KvCache cache : caches) {
            cache.close();
        }
        manager.close();
    }

    private int[] nextPositions(int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = length + i;
        }
        return positions;
    }

    private int checkAppend(int[][] tokens) {
        if (tokens.length != batch) {
            throw new IllegalArgumentException("this session decodes " + batch + " sequences but got " + tokens.length);
        }
        int count = tokens[0].length;
        if (count == 0) {
            throw new IllegalArgumentException("append needs at least one token");
        }
        if (length + count > capacity) {
            throw new InvalidInputException("the sequence would reach " + (length + count) + " tokens but this session "
                    + "holds at most " + capacity + " (the model's context, or the capacity it was opened with)");
        }
        return count;
    }

    private void requireSingle() {
        if (batch != 1) {
            throw new IllegalStateException("this session decodes " + batch + " sequences: use appendBatch");
        }
    }

    private float[][][] rows(NDArray logits, int count) {
        float[] flat = logits.toFloatArray();
        int vocab = (int) logits.getShape().get(2);
        float[][][] out = new float[batch][count][vocab];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < count; t++) {
                System.arraycopy(flat, (b * count + t) * vocab, out[b][t], 0, vocab);
            }
        }
        return out;
    }
}
