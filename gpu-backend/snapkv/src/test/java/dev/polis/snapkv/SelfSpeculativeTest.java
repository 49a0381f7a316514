package dev.polis.snapkv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.TokenListener;
import dev.polis.layerskip.decode.SelfSpeculativeDecoder;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.snapkv.policy.PromptCompression;
import dev.polis.snapkv.policy.Pooling;
import dev.polis.snapkv.policy.SnapKvSettings;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SnapKV composes with LayerSkip's {@code decoder.self-speculative}: the prompt is compressed once (phase PROMPT),
 * drafts and verification blocks run over the compressed caches and are not compressed again, and greedy
 * self-speculative output equals {@code decoder.greedy} over the same compressed caches, which equals the float64
 * reference with SnapKV's dropped keys masked, for every exit layer and two draft lengths.
 */
class SelfSpeculativeTest {

    private static final SnapKvSettings SETTINGS = new SnapKvSettings(12, 4, 5, Pooling.MAX);

    @TempDir
    static Path folder;

    static TinyCheckpoint checkpoint;

    @BeforeAll
    static void writeCheckpoint() {
        checkpoint = TinyModel.write(folder, 57);
    }

    @Test
    void selfSpeculativeDecodingOverTheCompressedCacheEqualsGreedyOverIt() {
        int[] prompt = CompressedCacheTest.prompt(48);
        DecodeRequest request = new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(20), List.of());
        int[] expected = new GreedyDecoder().decode(new SnapKvReference(checkpoint, SETTINGS), request,
                TokenListener.ignoring()).tokens();
        int[] uncompressed;
        try (TransformerLm plain = TinyModel.load(folder)) {
            uncompressed = new GreedyDecoder().decode(plain, request, TokenListener.ignoring()).tokens();
        }
        assertThat(expected).as("SnapKV must change this output, else the comparison proves nothing")
                .hasSizeGreaterThan(4).isNotEqualTo(uncompressed);
        List<PromptCompression> events = new ArrayList<>();
        try (TransformerLm lm = TinyModel.load(folder)) {
            lm.install(new SnapKv(events::add), TestSettings.of("capacity", SETTINGS.capacity(), "window",
                    SETTINGS.window(), "kernel", SETTINGS.kernel()));
            assertThat(new GreedyDecoder().decode(lm, request, TokenListener.ignoring()).tokens())
                    .as("decoder.greedy with SnapKV").containsExactly(expected);
            for (int exit = 1; exit < checkpoint.layers; exit++) {
                for (int drafts : new int[] {1, 4}) {
                    events.clear();
                    DecodeRequest configured = new DecodeRequest(prompt, request.settings(), List.of(),
                            TestSettings.of("exitLayer", exit, "draftTokens", drafts));
                    assertThat(new SelfSpeculativeDecoder().decode(lm, configured, TokenListener.ignoring())
                            .tokens()).as("self-speculative E=%d d=%d", exit, drafts).containsExactly(expected);
                    assertThat(events).as("one compression per layer, none for verification blocks")
                            .hasSize(checkpoint.layers).allMatch(PromptCompression::compressed);
                }
            }
        }
    }
}
