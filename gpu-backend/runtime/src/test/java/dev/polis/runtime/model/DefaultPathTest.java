package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.DecodeSeam;
import dev.polis.runtime.seam.DecodeStrategy;
import dev.polis.runtime.seam.FeedForwardSeam;
import dev.polis.runtime.seam.KvCachePolicySeam;
import dev.polis.runtime.seam.PrefillSeam;
import dev.polis.runtime.seam.PrefillStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seams cost the default path nothing numerically: a model with pass-through accelerators in every seam (a
 * prefill strategy and a decode strategy that call the ones before them, a feed-forward wrapper, a cache policy that keeps everything) gives
 * logits identical to the last bit to a model with none, for prompts, decode steps and multi-token appends; and the
 * policy is told each phase once per layer. Both models keep decode steps on PyTorch: an installed decode strategy
 * always does, and the heap decode step ({@link HostDecode}) agrees with PyTorch to float32 rounding, not bit for bit
 * (HostDecodeTest).
 */
class DefaultPathTest {

    private static final int LAYERS = 3;

    @TempDir
    Path folder;

    @Test
    void passThroughAcceleratorsInEverySeamLeaveEveryLogitBitIdentical() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = LAYERS;
        checkpoint.writeTo(folder);
        List<String> phases = new ArrayList<>();
        LoadOptions torch = LoadOptions.DEFAULTS.withHostDecode(false);
        try (TransformerLm plain = TransformerLm.load(folder, torch);
             TransformerLm wrapped = TransformerLm.load(folder, torch)) {
            wrapped.seam(PrefillSeam.class).orElseThrow().replace(inner -> (PrefillStrategy) inner::prefill);
            wrapped.seam(DecodeSeam.class).orElseThrow().replaceDecode(inner -> (DecodeStrategy) inner::decode);
            FeedForwardSeam ff = wrapped.seam(FeedForwardSeam.class).orElseThrow();
            for (int l = 0; l < LAYERS; l++) {
                ff.replace(l, inner -> x -> inner.apply(x));
            }
            wrapped.seam(KvCachePolicySeam.class).orElseThrow()
                    .add(event -> phases.add(event.phase() + "@" + event.layer()));
            assertThat(bits(run(wrapped))).isEqualTo(bits(run(plain)));
        }
        assertThat(phases).containsExactly("PROMPT@0", "PROMPT@1", "PROMPT@2", "APPEND@0", "APPEND@1", "APPEND@2");
    }

    /** A prompt, four decode steps and a three-token append; every row of logits they return. */
    private static List<float[]> run(TransformerLm lm) {
        List<float[]> rows = new ArrayList<>();
        try (TransformerSession session = lm.newSession()) {
            rows.add(session.appendLast(new int[] {1, 5, 9, 13, 17, 21, 25, 29, 33, 37}));
            for (int token : new int[] {4, 8, 15, 16}) {
                rows.add(session.appendLast(new int[] {token}));
            }
            rows.addAll(List.of(session.append(new int[] {23, 7, 11})));
        }
        return rows;
    }

    private static List<List<Integer>> bits(List<float[]> rows) {
        List<List<Integer>> out = new ArrayList<>();
        for (float[] row : rows) {
            List<Integer> bits = new ArrayList<>();
            for (float v : row) {
                bits.add(Float.floatToRawIntBits(v));
            }
            out.add(bits);
        }
        return out;
    }
}
