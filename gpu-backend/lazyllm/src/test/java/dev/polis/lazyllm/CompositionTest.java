package dev.polis.lazyllm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.TokenListener;
import dev.polis.layerskip.decode.LayerSkipSettings;
import dev.polis.layerskip.decode.SelfSpeculativeDecoder;
import dev.polis.lazyllm.prune.LazySettings;
import dev.polis.lazyllm.prune.PrefillReport;
import dev.polis.lazyllm.prune.Schedule;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.snapkv.SnapKv;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LazyLLM composes with SnapKV and {@code decoder.self-speculative}: on a model with both accelerators installed,
 * self-speculative decoding, whose drafting and verification ranges now pass through LazyLLM's decode step (so pruned
 * tokens are revived, and crops of rejected drafts keep revived keys in SnapKV's per-head caches), decodes for every
 * exit layer and two draft lengths (up to 12 tokens: it may meet a stop token greedy does not); its first token is the pruned prefill's, as greedy's is; greedy decoding with
 * revival runs on the composed model too, and its prompts were pruned. (Revival under self-speculation is checked
 * pair by pair in {@code SelfSpeculativeRevivalTest}; its output is not greedy's, since a rejected draft's
 * revivals stand.)
 */
class CompositionTest {

    private static final int LAYERS = 4;
    private static final String SCHEDULE = "1:0.5,2:0.25";

    @TempDir
    Path folder;

    @Test
    void selfSpeculativeDecodingRunsOverLazyLlmAndSnapKv() {
        TinyModel.write(folder, LAYERS, 17);
        int[] prompt = TinyModel.prompt(40, 3);
        DecodeRequest request = new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(12), null);
        List<PrefillReport> reports = new ArrayList<>();
        try (TransformerLm lm = TinyModel.load(folder)) {
            new SnapKv(e -> { }).install(lm.acceleratorTarget(), snapKv());
            new LazyLlm(reports::add).install(lm.acceleratorTarget(), settings());
            int[] greedy = new GreedyDecoder().decode(lm, request, TokenListener.ignoring()).tokens();
            assertThat(greedy).as("greedy with revival on the composed model").hasSize(12);
            for (int exit = 1; exit < LAYERS; exit++) {
                for (int drafts : new int[] {1, 3}) {
                    DecodeRequest configured = new DecodeRequest(prompt, request.settings(), null, TestSettings.of(
                            LayerSkipSettings.EXIT_LAYER, exit, LayerSkipSettings.DRAFT_TOKENS, drafts));
                    int[] tokens = new SelfSpeculativeDecoder().decode(lm, configured, TokenListener.ignoring())
                            .tokens();
                    assertThat(tokens).as("self-speculative E=%d d=%d", exit, drafts).isNotEmpty()
                            .hasSizeLessThanOrEqualTo(12).startsWith(greedy[0]);
                }
            }
        }
        assertThat(reports).isNotEmpty().allSatisfy(r -> {
            assertThat(r.dense()).isFalse();
            assertThat(r.computed()).containsExactly(40, 40, 20, 10);
        });
    }

    private static LazySettings settings() {
        return new LazySettings(Schedule.parse(SCHEDULE, LAYERS, "schedule"), 2);
    }

    private static dev.polis.snapkv.policy.SnapKvSettings snapKv() {
        return new dev.polis.snapkv.policy.SnapKvSettings(8, 2, 1, dev.polis.snapkv.policy.Pooling.MAX);
    }
}
