package dev.polis.layerskip.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.DecodeResult;
import dev.polis.api.inference.LmSession;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.model.TransformerLm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec §A.8 oracles 1 and 5: greedy self-speculative output equals full-model greedy output for every E and several
 * d, tie-aware in float32 (a mismatch is allowed only where the full model's two best logits are within 1e-4).
 */
class GreedyEquivalenceTest {

    private static final int LAYERS = 5;
    private static final int TOKENS = 40;
    private static final int[][] PROMPTS = {{3, 17, 8, 22, 5}, {11}, {30, 2, 9, 41, 16, 7, 7, 13}};

    @TempDir
    static Path folder;
    private static TransformerLm lm;

    @BeforeAll
    static void load() {
        lm = new TinyLlama(LAYERS, 11).load(folder);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void selfSpeculativeGreedyEqualsFullGreedyForEveryExitAndSeveralDrafts() {
        for (int[] prompt : PROMPTS) {
            DecodeRequest request = new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(TOKENS), null);
            DecodeResult full = new GreedyDecoder().decode(lm, request, TokenListener.ignoring());
            for (int exit = 1; exit < LAYERS; exit++) {
                for (int drafts : new int[] {1, 2, 3, 6}) {
                    DecodeRequest configured = new DecodeRequest(prompt, request.settings(), null,
                            LayerSkipOptions.of(exit, drafts));
                    DecodeResult spec = new SelfSpeculativeDecoder().decode(lm, configured, TokenListener.ignoring());
                    assertSameUpToTies(prompt, full, spec, "E=" + exit + " d=" + drafts);
                    assertThat(spec.metrics().get("exitLayer")).isEqualTo(exit);
                    assertThat(spec.metrics().get("acceptanceRate")).isBetween(0.0, 1.0);
                }
            }
        }
    }

    private void assertSameUpToTies(int[] prompt, DecodeResult full, DecodeResult spec, String what) {
        int[] a = full.tokens();
        int[] b = spec.tokens();
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        if (i == a.length && i == b.length) {
            assertThat(spec.finishReason()).as(what).isEqualTo(full.finishReason());
            return;
        }
        float[] logits = fullLogitsAfter(prompt, a, i);
        float best = Float.NEGATIVE_INFINITY;
        float second = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            if (l > best) {
                second = best;
                best = l;
            } else if (l > second) {
                second = l;
            }
        }
        assertThat(best - second).as(what + ": mismatch at step " + i + " is not a near tie")
                .isLessThan(1e-4f * Math.max(1f, Math.abs(best)));
    }

    private float[] fullLogitsAfter(int[] prompt, int[] generated, int steps) {
        int[] all = new int[prompt.length + steps];
        System.arraycopy(prompt, 0, all, 0, prompt.length);
        System.arraycopy(generated, 0, all, prompt.length, steps);
        try (LmSession session = lm.newSession()) {
            return session.appendLast(all);
        }
    }
}
