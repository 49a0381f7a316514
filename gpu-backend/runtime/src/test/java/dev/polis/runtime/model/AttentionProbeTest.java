package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.AttentionProbeSeam;
import dev.polis.runtime.seam.AttentionRows;
import dev.polis.runtime.seam.KvCachePolicySeam;
import dev.polis.runtime.seam.LayerSession;
import dev.polis.runtime.seam.PrefillSeam;
import dev.polis.runtime.seam.PrefillStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When an accelerator asks, each layer keeps the attention probabilities of its runs' last query rows: a prefill
 * strategy reads them layer by layer (LazyLLM's score), a cache policy reads those of its layer (SnapKV's window),
 * and they equal {@code softmax(q·Kᵀ/√d)} of the float64 reference, zero for keys after the query; unasked, no layer
 * keeps anything.
 */
class AttentionProbeTest {

    private static final int[] PROMPT = {1, 5, 9, 17, 3, 33, 8, 21, 4, 12, 30, 2};
    private static final int[] APPENDED = {7, 19, 25};
    private static final int ROWS = 3;
    private static final int LAYERS = 3;

    @TempDir
    Path folder;

    @Test
    void theLastRowsOfEveryLayerEqualTheFloat64Softmax() {
        TinyCheckpoint checkpoint = checkpoint();
        int[] all = new int[PROMPT.length + APPENDED.length];
        System.arraycopy(PROMPT, 0, all, 0, PROMPT.length);
        System.arraycopy(APPENDED, 0, all, PROMPT.length, APPENDED.length);
        double[][][][] expected = new ReferenceForward(checkpoint).attention(all);
        List<Kept> prefill = new ArrayList<>();
        List<Kept> appended = new ArrayList<>();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(AttentionProbeSeam.class).orElseThrow().request(ROWS);
            lm.seam(PrefillSeam.class).orElseThrow().replace(current -> layerByLayer(prefill));
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(event -> {
                if (event.phase() == AppendPhase.APPEND) {
                    appended.add(Kept.of(event.session().attention(event.layer()).orElseThrow()));
                }
            });
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(PROMPT);
                session.append(APPENDED);
            }
        }
        assertThat(prefill).hasSize(LAYERS);
        assertThat(appended).hasSize(LAYERS);
        for (int l = 0; l < LAYERS; l++) {
            assertThat(prefill.get(l).queries).containsExactly(9, 10, 11);
            prefill.get(l).assertEquals(expected[l], checkpoint);
            assertThat(appended.get(l).queries).containsExactly(12, 13, 14);
            appended.get(l).assertEquals(expected[l], checkpoint);
        }
    }

    @Test
    void aPromptAttendedInBlocksOfQueryRowsKeepsTheSameLastRows() {
        TinyCheckpoint checkpoint = checkpoint();
        int[] prompt = new int[150];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = i * 7 % 31 + 1;
        }
        double[][][][] expected = new ReferenceForward(checkpoint).attention(prompt);
        List<Kept> prefill = new ArrayList<>();
        // one score per block is far below a row: the prompt is attended in blocks of QueryBlocks.ALIGN rows
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS.withAttentionFloats(1))) {
            lm.seam(AttentionProbeSeam.class).orElseThrow().request(ROWS);
            lm.seam(PrefillSeam.class).orElseThrow().replace(current -> layerByLayer(prefill));
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(prompt);
            }
        }
        assertThat(QueryBlocks.rows(1, checkpoint.heads, prompt.length, prompt.length)).isLessThan(prompt.length);
        assertThat(prefill).hasSize(LAYERS);
        for (int l = 0; l < LAYERS; l++) {
            assertThat(prefill.get(l).queries).containsExactly(147, 148, 149);
            prefill.get(l).assertEquals(expected[l], checkpoint);
        }
    }

    @Test
    void unaskedNoLayerKeepsProbabilities() {
        checkpoint();
        List<Boolean> present = new ArrayList<>();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(PrefillSeam.class).orElseThrow().replace(current -> (session, layers, hidden, positions) -> {
                NDArray h = hidden;
                for (int l = 0; l < layers.layers(); l++) {
                    h = layers.run(session, h, positions, l, l + 1);
                    present.add(session.attention(l).isPresent());
                }
                return h;
            });
            assertThat(lm.seam(AttentionProbeSeam.class).orElseThrow().requestedRows()).isZero();
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(PROMPT);
            }
        }
        assertThat(present).containsExactly(false, false, false);
    }

    private TinyCheckpoint checkpoint() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.writeTo(folder);
        return checkpoint;
    }

    private static PrefillStrategy layerByLayer(List<Kept> kept) {
        return (LayerSession session, dev.polis.runtime.seam.LayerAccess layers, NDArray hidden, int[] positions) -> {
            NDArray h = hidden;
            for (int l = 0; l < layers.layers(); l++) {
                h = layers.run(session, h, positions, l, l + 1);
                kept.add(Kept.of(session.attention(l).orElseThrow()));
            }
            return h;
        };
    }

    /** A copy of {@link AttentionRows} that outlives the step. */
    private record Kept(int[] queries, int[][] keys, float[] probabilities, long heads, long rows, long slots) {

        static Kept of(AttentionRows rows) {
            long[] shape = rows.probabilities().getShape().getShape();
            return new Kept(rows.queryPositions(), rows.keyPositions(), rows.probabilities().toFloatArray(),
                    shape[1], shape[2], shape[3]);
        }

        /** Compares every kept probability with {@code expected[query][head][key]} (0 past the query). */
        void assertEquals(double[][][] expected, TinyCheckpoint checkpoint) {
            int group = checkpoint.heads / checkpoint.kvHeads;
            assertThat(heads).isEqualTo(checkpoint.heads);
            for (int h = 0; h < heads; h++) {
                for (int r = 0; r < rows; r++) {
                    int query = queries[r];
                    for (int s = 0; s < slots; s++) {
                        int key = keys[h / group][s];
                        double want = key <= query ? expected[query][h][key] : 0;
                        float got = probabilities[(int) ((h * rows + r) * slots + s)];
                        assertThat((double) got).as("head %d, query %d, key %d", h, query, key)
                                .isCloseTo(want, within(1e-5));
                    }
                }
            }
        }
    }
}
