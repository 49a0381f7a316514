package dev.polis.lazyllm.prune;

import java.util.ArrayList;
import java.util.List;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.LayerSession;

/**
 * A {@link LayerAccess} that records every run a strategy asks for: which positions ran through which layers, the
 * hidden row each entered with and the row each left with. Tests wrap the access LazyLLM's strategies receive.
 */
final class RecordingLayers implements LayerAccess {

    /** One run of one position through layers {@code from..to-1}: {@code input} in, {@code output} out. */
    record Run(int step, int position, int from, int to, float[] input, float[] output) {
    }

    private final LayerAccess inner;
    private final List<Run> runs;
    private final int step;

    RecordingLayers(LayerAccess inner, List<Run> runs, int step) {
        this.inner = inner;
        this.runs = runs;
        this.step = step;
    }

    @Override
    public int layers() {
        return inner.layers();
    }

    @Override
    public NDArray embed(LayerSession session, int[][] tokens) {
        return inner.embed(session, tokens);
    }

    @Override
    public NDArray run(LayerSession session, NDArray hidden, int[] positions, int from, int to) {
        float[][] in = rows(hidden);
        NDArray out = inner.run(session, hidden, positions, from, to);
        float[][] after = rows(out);
        for (int i = 0; i < positions.length; i++) {
            runs.add(new Run(step, positions[i], from, to, in[i], after[i]));
        }
        return out;
    }

    @Override
    public NDArray logits(NDArray hidden) {
        return inner.logits(hidden);
    }

    private static float[][] rows(NDArray h) {
        int n = (int) h.getShape().get(1);
        int width = (int) h.getShape().get(2);
        float[] flat = h.toFloatArray();
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] row = new float[width];
            System.arraycopy(flat, i * width, row, 0, width);
            out.add(row);
        }
        return out.toArray(new float[0][]);
    }
}
