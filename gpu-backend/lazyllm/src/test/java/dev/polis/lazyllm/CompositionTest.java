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
import dev.polis.lazyllm.prune.LazyPrefill;
import dev.polis.lazyllm.prune.LazySettings;
import dev.polis.lazyllm.prune.PrefillReport;
import dev.polis.lazyllm.prune.Schedule;
import dev.polis.lazyllm.prune.SessionStates;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.seam.AttentionProbeSeam;
import dev.polis.runtime.seam.PrefillSeam;
import dev.polis.snapkv.SnapKv;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LazyLLM composes with SnapKV and {@code decoder.self-speculative}: on a model with both accelerators installed,
 * self-speculative decoding (whose steps go through the layers directly, not through the decode strategy, so nothing
 * is revived) gives, for every exit layer and two draft lengths, exactly the greedy output of the same checkpoint with
 * SnapKV and LazyLLM's pruned prefill but dense decode steps; greedy decoding with revival runs on the composed model
 * too, and its prompts were pruned.
 */
class CompositionTest {

    private static final int LAYERS = 4;
    private static final String SCHEDULE = "1:0.5,2:0.25";

    @TempDir
    Path folder;

    @Test
    void selfSpeculativeDecodingOverLazyLlmAndSnapKvEqualsGreedyOverTheirPrefill() {
        TinyModel.write(folder, LAYERS, 17);
        int[] prompt = TinyModel.prompt(40, 3);
        DecodeRequest request = new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(12), null);
        int[] expected;
        try (TransformerLm reference = TinyModel.load(folder)) {
            new SnapKv(e -> { }).install(reference.acceleratorTarget(), snapKv());
            reference.seam(AttentionProbeSeam.class).orElseThrow().request(1);
            reference.seam(PrefillSeam.class).orElseThrow().replace(inner -> new LazyPrefill(inner, settings(),
                    new SessionStates(LAYERS), r -> { }));
            expected = new GreedyDecoder().decode(reference, request, TokenListener.ignoring()).tokens();
        }
        List<PrefillReport> reports = new ArrayList<>();
        try (TransformerLm lm = TinyModel.load(folder)) {
            new SnapKv(e -> { }).install(lm.acceleratorTarget(), snapKv());
            new LazyLlm(reports::add).install(lm.acceleratorTarget(), settings());
            for (int exit = 1; exit < LAYERS; exit++) {
                for (int drafts : new int[] {1, 3}) {
                    DecodeRequest configured = new DecodeRequest(prompt, request.settings(), null, TestSettings.of(
                            LayerSkipSettings.EXIT_LAYER, exit, LayerSkipSettings.DRAFT_TOKENS, drafts));
                    assertThat(new SelfSpeculativeDecoder().decode(lm, configured, TokenListener.ignoring()).tokens())
                            .as("self-speculative E=%d d=%d", exit, drafts).containsExactly(expected);
                }
            }
            int[] greedy = new GreedyDecoder().decode(lm, request, TokenListener.ignoring()).tokens();
            assertThat(greedy).as("greedy with revival on the composed model").hasSize(12);
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
