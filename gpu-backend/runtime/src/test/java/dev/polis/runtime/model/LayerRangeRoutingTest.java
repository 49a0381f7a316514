package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ai.djl.ndarray.NDArray;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.DecodeSeam;
import dev.polis.runtime.seam.DecodeStrategy;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.LayerSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer ranges run through a model's {@link LayerAccess} seam (how self-speculative and early-exit decoders step)
 * reach the installed decode strategy's range step, with the transformer itself as the layers it runs on; without a
 * strategy they run straight through, and either way the hidden states are those of the layers.
 */
class LayerRangeRoutingTest {

    private static final int[] PROMPT = {1, 5, 9, 17, 3, 33, 8, 21};

    @TempDir
    Path folder;

    @Test
    void layerRangesGoThroughTheInstalledDecodeStrategy() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = 3;
        checkpoint.writeTo(folder);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            float[] straight = draftThenVerify(lm);
            List<String> ranges = new ArrayList<>();
            lm.seam(DecodeSeam.class).orElseThrow().replaceDecode(inner -> new DecodeStrategy() {
                @Override
                public NDArray decode(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions) {
                    return inner.decode(session, layers, hidden, positions);
                }

                @Override
                public NDArray run(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions,
                                   int from, int to) {
                    ranges.add(positions[0] + ":" + from + "-" + to + (layers instanceof Transformer ? "" : "?"));
                    return inner.run(session, layers, hidden, positions, from, to);
                }
            });
            float[] routed = draftThenVerify(lm);
            assertThat(ranges).containsExactly("8:0-2", "8:2-3");
            assertThat(routed).containsExactly(straight);
        }
    }

    /** Prefills, then runs one token over layers 0-1 and 2 through the seam, as a self-speculative round does. */
    private static float[] draftThenVerify(TransformerLm lm) {
        LayerAccess layers = lm.seam(LayerAccess.class).orElseThrow();
        try (TransformerSession session = lm.newSession()) {
            session.appendLast(PROMPT);
            return session.step(() -> {
                NDArray h = layers.truncated(2).run(session, layers.embed(session, new int[][] {{7}}),
                        new int[] {PROMPT.length}, 0, 2);
                h = layers.run(session, h, new int[] {PROMPT.length}, 2, 3);
                return layers.logits(h).toFloatArray();
            });
        }
    }
}
