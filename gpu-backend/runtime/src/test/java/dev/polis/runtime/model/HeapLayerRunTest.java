package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.LayerAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer-level run of a few rows of one sequence (a self-speculative verification pass) on the Java heap gives each
 * row the bits it gets run alone after the rows before it, and PyTorch's logits to float32 rounding; the session's own
 * prompts and multi-token appends, and runs of more rows, stay on PyTorch.
 */
class HeapLayerRunTest {

    private static final float TOLERANCE = 1e-4f;
    private static final int[] PROMPT = {3, 8, 13, 21, 34, 5};

    @TempDir
    Path folder;

    @BeforeEach
    void vectorApiIsPresent() {
        assumeThat(HostMatVec.available()).as("this JVM was started without --add-modules jdk.incubator.vector")
                .isTrue();
    }

    @Test
    void rowsVerifiedTogetherGetTheBitsOfRowsRunOneByOneAndPyTorchsLogits() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.modelType = "qwen2";
        checkpoint.qkvBias = true;
        checkpoint.layers = 3;
        checkpoint.writeTo(folder);
        int[] drafts = {7, 30, 2, 19, 11};
        try (TransformerLm together = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerLm oneByOne = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerLm torch = TransformerLm.load(folder, LoadOptions.DEFAULTS.withHostDecode(false));
             TransformerSession a = together.newSession();
             TransformerSession b = oneByOne.newSession();
             TransformerSession c = torch.newSession()) {
            for (TransformerSession session : new TransformerSession[] {a, b, c}) {
                session.appendLast(PROMPT);
            }
            long before = together.heapLayerRuns();
            float[][] x = verify(a, together, drafts);
            assertThat(together.heapLayerRuns() - before).as("one heap run per layer range, not per row").isEqualTo(2);
            float[][] z = verify(c, torch, drafts);
            for (int j = 0; j < drafts.length; j++) {
                float[] alone = verify(b, oneByOne, new int[] {drafts[j]})[0];
                for (int i = 0; i < alone.length; i++) {
                    assertThat(Float.floatToRawIntBits(x[j][i])).as("row %d, logit %d", j, i)
                            .isEqualTo(Float.floatToRawIntBits(alone[i]));
                }
                assertThat(maxAbsDiff(x[j], z[j])).as("row %d against PyTorch", j).isLessThan(TOLERANCE);
            }
            // keep two of the five verified rows, as a round that accepted one draft does, then decode on
            int kept = PROMPT.length + 2;
            for (TransformerSession session : new TransformerSession[] {a, c}) {
                session.crop(kept);
            }
            for (int token : new int[] {4, 39}) {
                assertThat(maxAbsDiff(a.appendLast(new int[] {token}), c.appendLast(new int[] {token})))
                        .as("a decode step after the crop").isLessThan(TOLERANCE);
            }
        }
    }

    @Test
    void moreRowsThanTheHeapTakesGoThroughPyTorch() {
        new TinyCheckpoint().writeTo(folder);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerSession session = lm.newSession()) {
            session.appendLast(PROMPT);
            long before = lm.heapLayerRuns();
            int[] rows = new int[Transformer.HEAP_ROWS + 1];
            verify(session, lm, rows);
            assertThat(lm.heapLayerRuns()).isEqualTo(before);
            verify(session, lm, new int[Transformer.HEAP_ROWS]);
            assertThat(lm.heapLayerRuns()).isEqualTo(before + 2);
        }
    }

    @Test
    void aSessionsOwnShortPromptAndAppendStayOnPyTorchBitForBit() {
        new TinyCheckpoint().writeTo(folder);
        try (TransformerLm heap = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerLm torch = TransformerLm.load(folder, LoadOptions.DEFAULTS.withHostDecode(false));
             TransformerSession a = heap.newSession();
             TransformerSession b = torch.newSession()) {
            float[] x = a.appendLast(PROMPT);
            float[] y = b.appendLast(PROMPT);
            float[][] xs = a.append(new int[] {9, 10, 11});
            float[][] ys = b.append(new int[] {9, 10, 11});
            assertThat(heap.heapLayerRuns()).isZero();
            // the head of a few rows is the heap's; the layers before it are PyTorch's, so the logits agree closely
            assertThat(maxAbsDiff(x, y)).isLessThan(TOLERANCE);
            for (int t = 0; t < 3; t++) {
                assertThat(maxAbsDiff(xs[t], ys[t])).as("appended row %d", t).isLessThan(TOLERANCE);
            }
        }
    }

    /**
     * Runs {@code tokens} (after the session's tokens) through layers [0, 1), then [1, 3) together as an early-exit
     * verifier does, and returns each row's logits; the session's length then counts them.
     */
    private static float[][] verify(TransformerSession session, TransformerLm lm, int[] tokens) {
        LayerAccess layers = lm.seam(LayerAccess.class).orElseThrow();
        int start = session.length();
        int[] positions = new int[tokens.length];
        for (int j = 0; j < tokens.length; j++) {
            positions[j] = start + j;
        }
        float[] flat = session.step(() -> {
            NDArray h = layers.run(session, layers.embed(session, new int[][] {tokens}), positions, 0, 1);
            return layers.logits(layers.run(session, h, positions, 1, layers.layers())).toFloatArray();
        });
        session.assumeLength(start + tokens.length);
        int vocab = lm.vocabularySize();
        float[][] rows = new float[tokens.length][vocab];
        for (int j = 0; j < tokens.length; j++) {
            System.arraycopy(flat, j * vocab, rows[j], 0, vocab);
        }
        return rows;
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
