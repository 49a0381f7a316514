package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.Arrays;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.seam.FeedForwardSeam;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.KvCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decode step computed whole on the Java heap ({@link HostDecode}) gives PyTorch's logits to float32 rounding, over
 * cache growth, crops and PyTorch appends in between (both write one KV cache), and steps aside for anything it does
 * not compute: a replaced feed-forward block, a batch.
 */
class HostDecodeTest {

    private static final float TOLERANCE = 1e-4f;

    @TempDir
    Path folder;

    @BeforeEach
    void vectorApiIsPresent() {
        assumeThat(HostMatVec.available()).as("this JVM was started without --add-modules jdk.incubator.vector")
                .isTrue();
    }

    @Test
    void heapStepsGivePyTorchsLogitsAcrossCacheGrowthForGroupedQueriesAndBiases() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.modelType = "qwen2";
        checkpoint.qkvBias = true;
        checkpoint.layers = 3;
        checkpoint.writeTo(folder);
        try (Pair pair = new Pair(folder)) {
            pair.prompt(new int[] {1, 5, 9, 13, 17});
            // 5 + 70 tokens: the cache grows past its first blocks of 32 slots twice
            for (int step = 0; step < 70; step++) {
                pair.step(pair.argmax());
            }
            assertThat(pair.heap.heapDecodeSteps()).isEqualTo(70);
            assertThat(pair.torch.heapDecodeSteps()).isZero();
        }
    }

    @Test
    void aCacheLongEnoughToShareItsHeadsBetweenThreadsStaysWithinTheFloat64Reference() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.hidden = 256;
        checkpoint.intermediate = 64;
        checkpoint.heads = 4;
        checkpoint.kvHeads = 1;
        checkpoint.maxPositions = 512;
        checkpoint.writeTo(folder);
        int[] tokens = new int[306];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (i * 7 + 3) % checkpoint.vocab;
        }
        int prompt = 300;
        assertThat(4L * prompt * 64).as("scores and values of one step").isGreaterThan(HostMatVec.SPLIT_WEIGHTS);
        double[][] expected = new ReferenceForward(checkpoint).logits(tokens);
        double heap = worstError(LoadOptions.DEFAULTS, tokens, prompt, expected, tokens.length - prompt);
        double torch = worstError(LoadOptions.DEFAULTS.withHostDecode(false), tokens, prompt, expected, 0);
        assertThat(heap).as("heap steps' largest error relative to the float64 logits' scale").isLessThan(1e-4);
        assertThat(heap).as("heap steps' error against PyTorch steps' error (%s)", torch).isLessThan(4 * torch);
    }

    /**
     * Returns the largest difference of the decode steps' logits from {@code expected}, each row's over the row's
     * largest magnitude (at least 1), after checking how many steps ran on the heap.
     */
    private double worstError(LoadOptions options, int[] tokens, int prompt, double[][] expected, long heapSteps) {
        double worst = 0;
        try (TransformerLm lm = TransformerLm.load(folder, options); TransformerSession session = lm.newSession()) {
            session.appendLast(Arrays.copyOf(tokens, prompt));
            for (int t = prompt; t < tokens.length; t++) {
                float[] logits = session.appendLast(new int[] {tokens[t]});
                double scale = 1;
                for (double e : expected[t]) {
                    scale = Math.max(scale, Math.abs(e));
                }
                for (int v = 0; v < logits.length; v++) {
                    worst = Math.max(worst, Math.abs(logits[v] - expected[t][v]) / scale);
                }
            }
            assertThat(lm.heapDecodeSteps()).isEqualTo(heapSteps);
        }
        return worst;
    }

    @Test
    void pyTorchAppendsAndCropsBetweenHeapStepsKeepOneCache() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.vocab = 64;
        checkpoint.writeTo(folder);
        try (Pair pair = new Pair(folder)) {
            pair.prompt(new int[] {3, 4, 5});
            pair.step(7);
            pair.step(8);
            // a chat's next turn: several tokens through PyTorch, which must see the heap steps' keys and values
            pair.append(new int[] {11, 12, 13, 14});
            pair.step(9);
            pair.crop(6);
            pair.step(20);
            pair.step(21);
            pair.append(new int[] {30, 31});
            pair.step(22);
            assertThat(pair.heap.heapDecodeSteps()).isEqualTo(6);
        }
    }

    @Test
    void aTiedHeadReadsTheTokensEmbeddingFromItsHeapCopy() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.tied = true;
        checkpoint.kvHeads = 4;
        checkpoint.writeTo(folder);
        try (Pair pair = new Pair(folder)) {
            pair.prompt(new int[] {2, 4, 6, 8});
            for (int token : new int[] {0, 39, 17, 1}) {
                pair.step(token);
            }
            assertThat(pair.heap.heapDecodeSteps()).isEqualTo(4);
        }
    }

    @Test
    void aLayerLevelDecodersSingleTokenRunsTakeTheHeapLayersAndHead() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = 3;
        checkpoint.writeTo(folder);
        try (TransformerLm heap = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerLm torch = TransformerLm.load(folder, LoadOptions.DEFAULTS.withHostDecode(false));
             TransformerSession a = heap.newSession();
             TransformerSession b = torch.newSession()) {
            int[] prompt = {4, 9, 16, 25};
            a.appendLast(prompt);
            b.appendLast(prompt);
            // as an early-exit drafter does: one token through the first two layers, the head, then the last layer
            for (int token : new int[] {7, 30, 2}) {
                float[] x = layered(a, heap, token);
                float[] y = layered(b, torch, token);
                float max = 0;
                for (int i = 0; i < x.length; i++) {
                    max = Math.max(max, Math.abs(x[i] - y[i]));
                }
                assertThat(max).as("logits after layer-level runs of %d", token).isLessThan(TOLERANCE);
            }
            assertThat(a.cache(2).length()).isEqualTo(prompt.length + 3);
            assertThat(heap.heapLayerRuns()).as("two layer ranges per token").isEqualTo(6);
            assertThat(torch.heapLayerRuns()).isZero();
        }
    }

    /** Runs {@code token} through layers [0, 2) and [2, 3) of the layer seam with the head between; final logits. */
    private static float[] layered(TransformerSession session, TransformerLm lm, int token) {
        LayerAccess layers = lm.seam(LayerAccess.class).orElseThrow();
        int position = session.length();
        float[] logits = session.step(() -> {
            NDArray h = layers.run(session, layers.embed(session, new int[][] {{token}}), new int[] {position}, 0, 2);
            float[] early = layers.logits(h).toFloatArray();
            assertThat(early).hasSize(lm.vocabularySize());
            return layers.logits(layers.run(session, h, new int[] {position}, 2, 3)).toFloatArray();
        });
        session.assumeLength(position + 1);
        return logits;
    }

    @Test
    void aReplacedFeedForwardBlockSendsDecodeStepsBackToPyTorch() {
        new TinyCheckpoint().writeTo(folder);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerSession session = lm.newSession()) {
            session.appendLast(new int[] {1, 2, 3});
            session.appendLast(new int[] {4});
            assertThat(lm.heapDecodeSteps()).isEqualTo(1);
            lm.seam(FeedForwardSeam.class).orElseThrow().replace(1, inner -> x -> inner.apply(x));
            session.appendLast(new int[] {5});
            assertThat(lm.heapDecodeSteps()).as("a wrapped block is not the checkpoint's own").isEqualTo(1);
        }
    }

    @Test
    void aBatchOfTwoDecodesThroughPyTorch() {
        new TinyCheckpoint().writeTo(folder);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerSession session = lm.newSession(2, 64)) {
            session.appendLastBatch(new int[][] {{1, 2}, {3, 4}});
            session.appendLastBatch(new int[][] {{5}, {6}});
            assertThat(lm.heapDecodeSteps()).isZero();
            assertThat(session.cache(0).heapBytes()).isZero();
        }
    }

    @Test
    void theHeapCopyOfACacheIsAsLargeAsItsNativeStorage() {
        new TinyCheckpoint().writeTo(folder);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerSession session = lm.newSession()) {
            session.appendLast(new int[] {1, 2, 3});
            session.appendLast(new int[] {4});
            KvCache cache = session.cache(0);
            assertThat(cache.heapBytes()).isEqualTo(cache.bytes());
        }
    }

    /** The same checkpoint loaded with the heap step on and off, driven in lockstep. */
    private static final class Pair implements AutoCloseable {
        final TransformerLm heap;
        final TransformerLm torch;
        final TransformerSession a;
        final TransformerSession b;
        float[] last;

        Pair(Path folder) {
            heap = TransformerLm.load(folder, LoadOptions.DEFAULTS);
            torch = TransformerLm.load(folder, LoadOptions.DEFAULTS.withHostDecode(false));
            a = heap.newSession();
            b = torch.newSession();
        }

        void prompt(int[] tokens) {
            last = same(a.appendLast(tokens), b.appendLast(tokens), "prompt");
        }

        void step(int token) {
            last = same(a.appendLast(new int[] {token}), b.appendLast(new int[] {token}), "step of " + token);
        }

        void append(int[] tokens) {
            float[][] x = a.append(tokens);
            float[][] y = b.append(tokens);
            for (int t = 0; t < tokens.length; t++) {
                last = same(x[t], y[t], "appended row " + t);
            }
        }

        void crop(int length) {
            a.crop(length);
            b.crop(length);
        }

        int argmax() {
            int best = 0;
            for (int i = 1; i < last.length; i++) {
                if (last[i] > last[best]) {
                    best = i;
                }
            }
            return best;
        }

        private static float[] same(float[] x, float[] y, String what) {
            float max = 0;
            for (int i = 0; i < x.length; i++) {
                max = Math.max(max, Math.abs(x[i] - y[i]));
            }
            assertThat(max).as("largest logit difference after the %s", what).isLessThan(TOLERANCE);
            return x;
        }

        @Override
        public void close() {
            a.close();
            b.close();
            heap.close();
            torch.close();
        }
    }
}
