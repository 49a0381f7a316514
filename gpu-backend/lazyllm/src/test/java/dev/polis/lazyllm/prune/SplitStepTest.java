package dev.polis.lazyllm.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import ai.djl.ndarray.NDArray;
import dev.polis.lazyllm.LazyLlm;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.LayerAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LazyLLM decoding step taken in two layer ranges through the model's layer seam, as a self-speculative decoder
 * drafts over the first E layers and verifies over the rest, equals the step taken in one call: the same logits
 * at every step of a greedy generation, for every split E, with the same tokens revived and the same (token, layer)
 * pairs computed. Tokens revived below E are suspended at E and resume there with the second range.
 */
class SplitStepTest {

    private static final int LAYERS = 4;
    private static final int N = 32;
    private static final int STEPS = 10;

    @TempDir
    Path folder;

    @Test
    void aStepSplitIntoDraftAndVerifyRangesEqualsTheOneCallStep() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.seed = 5;
        checkpoint.writeTo(folder);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            SessionStates states = new LazyLlm(r -> { }).install(lm.acceleratorTarget(),
                    new LazySettings(Schedule.parse("0:0.5,1:0.25,2:0.125", LAYERS, "schedule"), 2));
            LayerAccess layers = lm.seam(LayerAccess.class).orElseThrow();
            for (int split = 1; split < LAYERS; split++) {
                try (TransformerSession whole = lm.newSession(); TransformerSession parts = lm.newSession()) {
                    float[] expected = whole.appendLast(PrunedPrefillTest.prompt(N));
                    float[] actual = parts.appendLast(PrunedPrefillTest.prompt(N));
                    for (int t = 0; t < STEPS; t++) {
                        int token = PrunedPrefillTest.argmax(expected);
                        expected = whole.appendLast(new int[] {token});
                        actual = splitStep(parts, layers, token, N + t, split);
                        assertThat(actual).as("logits of step %d split at %d", t, split)
                                .containsExactly(expected, within(2e-4f));
                    }
                    AuxCache.Counters one = states.find(whole).orElseThrow().counters();
                    AuxCache.Counters two = states.find(parts).orElseThrow().counters();
                    assertThat(one.revived()).as("tokens revived").isPositive();
                    assertThat(two.revived()).as("split at %d: tokens revived", split).isEqualTo(one.revived());
                    assertThat(two.computedPerLayer()).as("split at %d: pairs per layer", split)
                            .containsExactly(one.computedPerLayer());
                    for (int l = 0; l < LAYERS; l++) {
                        assertThat(parts.cache(l).positions()).as("split at %d: layer %d's cache", split, l)
                                .containsExactlyInAnyOrder(whole.cache(l).positions());
                    }
                }
            }
        }
    }

    /** Runs {@code token} at {@code position} over layers [0, split), then [split, L), and returns its logits. */
    private static float[] splitStep(TransformerSession session, LayerAccess layers, int token, int position,
                                     int split) {
        float[] logits = session.step(() -> {
            NDArray h = layers.run(session, layers.embed(session, new int[][] {{token}}), new int[] {position}, 0,
                    split);
            h = layers.run(session, h, new int[] {position}, split, LAYERS);
            return layers.logits(h).toFloatArray();
        });
        session.assumeLength(position + 1);
        return logits;
    }
}
