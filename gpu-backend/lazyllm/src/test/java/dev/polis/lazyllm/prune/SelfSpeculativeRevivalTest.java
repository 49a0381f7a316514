package dev.polis.lazyllm.prune;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ai.djl.ndarray.NDArray;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.TokenListener;
import dev.polis.layerskip.decode.LayerSkipSettings;
import dev.polis.layerskip.decode.SelfSpeculativeDecoder;
import dev.polis.lazyllm.LazyLlm;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.seam.DecodeSeam;
import dev.polis.runtime.seam.DecodeStrategy;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.LayerSession;
import dev.polis.runtime.seam.PrefillSeam;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code decoder.self-speculative}, whose drafts run the first E layers and whose verification runs the rest
 * over several tokens at once, LazyLLM still revives pruned prompt tokens from the Aux Cache (spec §B.8 oracles 4 and
 * 5, watched from outside as in {@link AuxCacheRevivalTest}): no prompt (token, layer) pair is computed twice, a
 * revived token never starts again from layer 0 and enters each layer with the state it left the one before with
 * (across the draft/verify boundary too), and every layer's cache holds each prompt token at most once.
 */
class SelfSpeculativeRevivalTest {

    private static final int LAYERS = 4;
    private static final int N = 40;

    @TempDir
    Path folder;

    @Test
    void selfSpeculativeRoundsReviveTokensFromTheAuxCacheAcrossTheDraftAndVerifyRanges() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.seed = 17;
        checkpoint.writeTo(folder);
        int crossed = 0;
        for (int exit = 1; exit < LAYERS; exit++) {
            for (int drafts : new int[] {1, 3}) {
                List<RecordingLayers.Run> runs = generate(exit, drafts);
                Map<String, Integer> pairs = new HashMap<>();
                Map<String, float[]> leftWith = new HashMap<>();
                int revived = 0;
                for (RecordingLayers.Run run : runs) {
                    if (run.position() >= N) {
                        continue;
                    }
                    for (int l = run.from(); l < run.to(); l++) {
                        pairs.merge(run.position() + "@" + l, 1, Integer::sum);
                    }
                    if (run.step() > 0) {
                        revived++;
                        assertThat(run.from()).as("E=%d d=%d: a revived token never starts from layer 0", exit,
                                drafts).isPositive();
                        assertThat(run.input()).as("E=%d d=%d: token %d enters layer %d as it left layer %d", exit,
                                drafts, run.position(), run.from(), run.from() - 1)
                                .containsExactly(leftWith.get(run.position() + "@" + (run.from() - 1)));
                        if (run.from() == exit) {
                            crossed++;
                        }
                    }
                    leftWith.put(run.position() + "@" + (run.to() - 1), run.output());
                }
                assertThat(pairs.values()).as("E=%d d=%d: times each prompt (token, layer) pair was computed", exit,
                        drafts).containsOnly(1);
                assertThat(revived).as("E=%d d=%d: prompt tokens revived while decoding", exit, drafts).isPositive();
            }
        }
        assertThat(crossed).as("revived tokens suspended at the exit layer and resumed by the verification")
                .isPositive();
    }

    /** Decodes 12 tokens self-speculatively over LazyLLM, recording every layer run of its strategies. */
    private List<RecordingLayers.Run> generate(int exit, int drafts) {
        List<RecordingLayers.Run> runs = new ArrayList<>();
        Set<LayerSession> decoding = Collections.newSetFromMap(new IdentityHashMap<>());
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            new LazyLlm(r -> { }).install(lm.acceleratorTarget(),
                    new LazySettings(Schedule.parse("1:0.5,2:0.25", LAYERS, "schedule"), 2));
            lm.seam(PrefillSeam.class).orElseThrow().replace(lazy -> (session, layers, hidden, positions) -> {
                decoding.add(session);
                return lazy.prefill(session, new RecordingLayers(layers, runs, 0), hidden, positions);
            });
            lm.seam(DecodeSeam.class).orElseThrow().replaceDecode(lazy -> new DecodeStrategy() {
                @Override
                public NDArray decode(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions) {
                    return lazy.decode(session, new RecordingLayers(layers, runs, 1), hidden, positions);
                }

                @Override
                public NDArray run(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions,
                                   int from, int to) {
                    // the decoder's cost probe runs layers on a session of its own, which LazyLLM leaves dense
                    LayerAccess watched = decoding.contains(session) ? new RecordingLayers(layers, runs, 1) : layers;
                    return lazy.run(session, watched, hidden, positions, from, to);
                }
            });
            DecodeRequest request = new DecodeRequest(PrunedPrefillTest.prompt(N),
                    GenerationSettings.DEFAULTS.withMaxTokens(12), null,
                    TestSettings.of(LayerSkipSettings.EXIT_LAYER, exit, LayerSkipSettings.DRAFT_TOKENS, drafts));
            assertThat(new SelfSpeculativeDecoder().decode(lm, request, TokenListener.ignoring()).tokens())
                    .hasSize(12);
        }
        return runs;
    }
}
