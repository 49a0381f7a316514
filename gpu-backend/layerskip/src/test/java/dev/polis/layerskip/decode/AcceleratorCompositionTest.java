package dev.polis.layerskip.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.accelerators.CountingFeedForward;
import dev.polis.runtime.accelerators.KeepLastPolicy;
import dev.polis.runtime.accelerators.TwoHalfPrefill;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.fixtures.ReferenceLm;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Composition (issue 12): the runtime's three test accelerators installed together (counting feed-forward, keep the
 * prompt's last 4 cache entries, two-half prefill) under {@code decoder.self-speculative} give, for every exit layer
 * and several draft lengths, the greedy output of the float64 reference with the dropped keys masked; so do
 * {@code decoder.greedy} and early exit at the last layer.
 */
class AcceleratorCompositionTest {

    private static final int LAYERS = 4;
    private static final int KEEP = 4;
    private static final int[][] PROMPTS = {{3, 17, 8, 22, 5, 9, 30, 12, 14}, {11, 4, 25, 6, 7, 19, 21}};

    @TempDir
    Path folder;

    @Test
    void selfSpeculativeDecodingOverTheThreeAcceleratorsEqualsTheMaskedReference() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.seed = 13;
        checkpoint.writeTo(folder);
        ReferenceLm reference = ReferenceLm.keepingLast(checkpoint, KEEP);
        CountingFeedForward counting = new CountingFeedForward();
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.install(counting, TestSettings.empty());
            lm.install(new KeepLastPolicy(), TestSettings.of("keep", KEEP));
            lm.install(new TwoHalfPrefill(), TestSettings.empty());
            for (int[] prompt : PROMPTS) {
                DecodeRequest request = new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(16), null);
                int[] expected = new GreedyDecoder().decode(reference, request, TokenListener.ignoring()).tokens();
                assertThat(expected).as("reference tokens").isNotEmpty();
                assertThat(new GreedyDecoder().decode(lm, request, TokenListener.ignoring()).tokens())
                        .as("decoder.greedy over the three").containsExactly(expected);
                for (int exit = 1; exit < LAYERS; exit++) {
                    for (int drafts : new int[] {1, 3}) {
                        DecodeRequest configured = new DecodeRequest(prompt, request.settings(), null,
                                LayerSkipOptions.of(exit, drafts));
                        DecodeResult spec = new SelfSpeculativeDecoder().decode(lm, configured,
                                TokenListener.ignoring());
                        assertThat(spec.tokens()).as("self-speculative E=%d d=%d", exit, drafts)
                                .containsExactly(expected);
                    }
                }
            }
        }
        assertThat(counting.calls()).as("feed-forward calls through the wrapper").isPositive();
    }
}
