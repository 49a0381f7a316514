package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.DecodeSeam;
import dev.polis.runtime.seam.DecodeStrategy;
import dev.polis.runtime.seam.PrefillSeam;
import dev.polis.runtime.seam.PrefillStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decode hook decides which tokens run at which layer, as LazyLLM's Aux Cache does: a prefill strategy leaves
 * one prompt token out of the last layer and keeps its hidden state; a decode strategy revives it there at the first
 * step, alongside the new token. That step's logits then equal the full float64 reference, which they do not
 * without the revival; the strategy saw each step and the last layer's cache holds the revived position.
 */
class DecodeHookTest {

    private static final int[] PROMPT = {1, 5, 9, 17, 3, 33, 8, 21, 4, 12, 30, 2};
    private static final int[] DECODED = {7, 19};
    private static final int PRUNED = 4;
    private static final int LAYERS = 3;

    @TempDir
    Path folder;

    @Test
    void revivingAPrunedTokenAtItsLayerRestoresTheFullModelsNextStep() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.writeTo(folder);
        int n = PROMPT.length;
        int[] all = Arrays.copyOf(PROMPT, n + DECODED.length);
        System.arraycopy(DECODED, 0, all, n, DECODED.length);
        double[][] expected = new ReferenceForward(checkpoint).logits(all);
        List<String> trace = new ArrayList<>();
        float[][] revived = run(true, trace);
        float[][] pruned = run(false, new ArrayList<>());
        for (int t = 0; t < DECODED.length; t++) {
            ReferenceLogitsTest.assertClose(new float[][] {revived[t]}, new double[][] {expected[n + t]});
        }
        assertThat(largestDifference(pruned[0], expected[n])).as("without the revival").isGreaterThan(1e-3);
        assertThat(trace).containsExactly("step at 12: layers 0-1 ran [12], layer 2 ran [4, 12]",
                "step at 13: dense");
    }

    /** Prefills with the pruning strategy, decodes with (or without) the reviving one; returns the decode logits. */
    private float[][] run(boolean revive, List<String> trace) {
        float[][] aux = new float[1][];
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(PrefillSeam.class).orElseThrow().replace(current -> pruneAtLastLayer(aux));
            if (revive) {
                lm.seam(DecodeSeam.class).orElseThrow().replaceDecode(current -> reviveAtLastLayer(current, aux, trace));
            }
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(PROMPT);
                float[][] out = new float[DECODED.length][];
                for (int t = 0; t < DECODED.length; t++) {
                    out[t] = session.appendLast(new int[] {DECODED[t]});
                }
                if (revive) {
                    assertThat(session.cache(LAYERS - 1).positions()).startsWith(0, 1, 2, 3, 5)
                            .endsWith(11, PRUNED, 12, 13);
                }
                return out;
            }
        }
    }

    /** Runs every prompt token through every layer but the last, which skips {@link #PRUNED}; keeps its state. */
    private static PrefillStrategy pruneAtLastLayer(float[][] aux) {
        return (session, layers, hidden, positions) -> {
            int last = layers.layers() - 1;
            NDArray h = layers.run(session, hidden, positions, 0, last);
            aux[0] = h.get(new NDIndex().addAllDim().addSliceDim(PRUNED, PRUNED + 1)).toFloatArray();
            NDArray kept = NDArrays.concat(new NDList(h.get(new NDIndex().addAllDim().addSliceDim(0, PRUNED)),
                    h.get(new NDIndex().addAllDim().addSliceDim(PRUNED + 1, positions.length))), 1);
            int[] keptPositions = new int[positions.length - 1];
            for (int i = 0, j = 0; i < positions.length; i++) {
                if (positions[i] != PRUNED) {
                    keptPositions[j++] = positions[i];
                }
            }
            return layers.run(session, kept, keptPositions, last, last + 1);
        };
    }

    /** At the first step, runs the pruned token's stored state through the last layer before the new token. */
    private static DecodeStrategy reviveAtLastLayer(DecodeStrategy dense, float[][] aux, List<String> trace) {
        return (session, layers, hidden, positions) -> {
            if (aux[0] == null) {
                trace.add("step at " + positions[0] + ": dense");
                return dense.decode(session, layers, hidden, positions);
            }
            int last = layers.layers() - 1;
            NDArray h = layers.run(session, hidden, positions, 0, last);
            NDArray stored = session.stepManager().create(aux[0], new Shape(1, 1, aux[0].length));
            aux[0] = null;
            trace.add("step at " + positions[0] + ": layers 0-" + (last - 1) + " ran [" + positions[0] + "], layer "
                    + last + " ran [" + PRUNED + ", " + positions[0] + "]");
            return layers.run(session, NDArrays.concat(new NDList(stored, h), 1), new int[] {PRUNED, positions[0]},
                    last, last + 1);
        };
    }

    private static double largestDifference(float[] actual, double[] expected) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        return worst;
    }
}
