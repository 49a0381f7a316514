package dev.polis.layerskip.decode;

import java.util.Optional;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.polis.api.inference.CausalLm;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.LayerAccess;

/**
 * A runtime model seen layer by layer: what early exit and self-speculation need from {@link CausalLm#seam}.
 *
 * @param lm     the runtime model (opens sessions with per-layer caches)
 * @param layers the layer seam (embed, run a layer range, final norm + head)
 */
public record LayeredModel(TransformerLm lm, LayerAccess layers) {

    /** Returns the layered view of {@code model}, or empty when it is not a runtime model with the layer seam. */
    public static Optional<LayeredModel> of(CausalLm model) {
        return model.seam(TransformerLm.class).flatMap(lm ->
                model.seam(LayerAccess.class).map(layers -> new LayeredModel(lm, layers)));
    }

    /** Returns the number of decoder layers L. */
    public int depth() {
        return layers.layers();
    }

    /** Embeds {@code tokens} and runs them through layers {@code [from, to)} at positions from {@code start} on. */
    NDArray run(TransformerSession session, int[] tokens, int start, int from, int to) {
        return layers.run(session, layers.embed(session, new int[][] {tokens}), positions(start, tokens.length), from, to);
    }

    /** Runs {@code hidden} ({@code [1, rows, D]}) through layers {@code [from, to)} at positions from {@code start}. */
    NDArray run(TransformerSession session, NDArray hidden, int start, int from, int to) {
        return layers.run(session, hidden, positions(start, (int) hidden.getShape().get(1)), from, to);
    }

    /** Returns the logits of the last {@code rows} rows of {@code hidden} as {@code [rows][vocab]}. */
    float[][] lastLogits(NDArray hidden, int rows) {
        long all = hidden.getShape().get(1);
        NDArray tail = rows == all ? hidden : hidden.get(new NDIndex().addAllDim().addSliceDim(all - rows, all));
        float[] flat = layers.logits(tail).toFloatArray();
        int vocab = flat.length / rows;
        float[][] out = new float[rows][vocab];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * vocab, out[r], 0, vocab);
        }
        return out;
    }

    static int[] positions(int start, int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = start + i;
        }
        return positions;
    }
}
