package dev.polis.snapkv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import dev.polis.api.Settings;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.KvCache;
import dev.polis.snapkv.policy.Pooling;
import dev.polis.snapkv.policy.PromptCompression;
import dev.polis.testkit.TestSettings;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What SnapKV leaves in the cache, on a real checkpoint: with a capacity above the prompt nothing changes, bit for
 * bit; otherwise every layer keeps, per key/value head (2, not the 4 query heads), exactly the capacity including the
 * window, frees the rest, and decoding over it equals the float64 full-cache model with exactly the dropped keys
 * masked (spec §D.6's oracle, whatever was chosen), with new tokens at positions T, T+1, ...
 */
class CompressedCacheTest {

    private static final int LAYERS = 3;
    private static final int T = 100;
    private static final int CAPACITY = 8;
    private static final int WINDOW = 3;

    @TempDir
    static Path folder;

    static TinyCheckpoint checkpoint;

    @BeforeAll
    static void writeCheckpoint() {
        checkpoint = TinyModel.write(folder, 33);
    }

    @Test
    void aCapacityAboveThePromptLengthLeavesEveryLogitIdenticalAndSaysSo() {
        int[] prompt = prompt(40);
        List<float[]> plain;
        try (TransformerLm lm = TinyModel.load(folder)) {
            plain = decode(lm, prompt, 8, null);
        }
        List<PromptCompression> events = new ArrayList<>();
        try (TransformerLm lm = TinyModel.load(folder)) {
            lm.install(new SnapKv(events::add), TestSettings.of("capacity", 64, "window", 4));
            List<float[]> snap = decode(lm, prompt, 8, null);
            for (int i = 0; i < plain.size(); i++) {
                assertThat(snap.get(i)).as("logits of step %d", i).containsExactly(plain.get(i));
            }
        }
        assertThat(events).hasSize(LAYERS).allSatisfy(e -> {
            assertThat(e.compressed()).isFalse();
            assertThat(e.describe()).contains("40 cache entries fit the capacity of 64: kept uncompressed");
        });
    }

    @Test
    void decodingOverTheCompressedCacheEqualsTheFullCacheWithTheDroppedKeysMasked() {
        int[] prompt = prompt(T);
        try (TransformerLm lm = TinyModel.load(folder)) {
            lm.install(new SnapKv(e -> { }), settings("avg", 5));
            int[][][] kept = new int[LAYERS][][];
            List<float[]> snap = decode(lm, prompt, 10, session -> {
                for (int l = 0; l < LAYERS; l++) {
                    KvCache cache = session.cache(l);
                    kept[l] = IntStream.range(0, cache.kvHeads()).mapToObj(cache::positions).toArray(int[][]::new);
                }
            });
            MaskedSession masked = new MaskedSession(checkpoint, new ReferenceForward(checkpoint), p -> kept);
            MaskedSession full = new MaskedSession(checkpoint, new ReferenceForward(checkpoint), p -> null);
            float[] expected = last(masked.append(prompt));
            float[] unmasked = last(full.append(prompt));
            boolean differs = false;
            for (int i = 0; i < snap.size(); i++) {
                assertClose(snap.get(i), expected, "step " + i);
                int token = argmax(expected);
                for (int v = 0; v < expected.length; v++) {
                    differs |= Math.abs(unmasked[v] - expected[v]) > 1e-2;
                }
                expected = last(masked.append(new int[] {token}));
                unmasked = last(full.append(new int[] {token}));
            }
            assertThat(differs).as("masking the dropped keys must matter, else this test proves nothing").isTrue();
        }
    }

    @Test
    void everyKeyValueHeadKeepsExactlyTheCapacityWithTheWindowAndFreesTheRest() {
        List<PromptCompression> events = new ArrayList<>();
        try (TransformerLm lm = TinyModel.load(folder)) {
            lm.install(new SnapKv(events::add), settings("max", 7));
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(prompt(T));
                boolean headsDiffer = false;
                for (int l = 0; l < LAYERS; l++) {
                    KvCache cache = session.cache(l);
                    assertThat(cache.kvHeads()).as("compressed per key/value head").isEqualTo(checkpoint.kvHeads);
                    assertThat(cache.length()).isEqualTo(CAPACITY);
                    for (int h = 0; h < cache.kvHeads(); h++) {
                        int[] positions = cache.positions(h);
                        assertThat(positions).as("layer %d head %d", l, h).hasSize(CAPACITY).isSorted()
                                .doesNotHaveDuplicates().contains(T - 3, T - 2, T - 1);
                        assertThat(positions[0]).as("first kept position").isNotNegative();
                    }
                    headsDiffer |= !cache.headsShareSlots();
                    assertThat(cache.bytes()).as("one block of 32 slots after compaction")
                            .isEqualTo(2L * checkpoint.kvHeads * KvCache.BLOCK * checkpoint.headDim() * Float.BYTES);
                }
                assertThat(headsDiffer).as("some layer's heads chose different keys").isTrue();
            }
        }
        assertThat(events).hasSize(LAYERS).allSatisfy(e -> {
            assertThat(e.compressed()).isTrue();
            assertThat(e.sequence()).isEqualTo(T);
            assertThat(e.bytesBefore()).as("128 slots before").isEqualTo(4 * e.bytesAfter());
        });
    }

    @Test
    void newTokensGoAtTheirOriginalPositionsAfterThePrompt() {
        try (TransformerLm lm = TinyModel.load(folder)) {
            lm.install(new SnapKv(e -> { }), settings("max", 3));
            TransformerSession session = lm.newSession();
            session.appendLast(prompt(T));
            int[] kept = session.cache(1).positions(0);
            session.appendLast(new int[] {5});
            session.append(new int[] {6, 7});
            assertThat(session.length()).isEqualTo(T + 3);
            for (int l = 0; l < LAYERS; l++) {
                for (int h = 0; h < checkpoint.kvHeads; h++) {
                    int[] positions = session.cache(l).positions(h);
                    assertThat(Arrays.copyOfRange(positions, CAPACITY, CAPACITY + 3)).as("layer %d head %d", l, h)
                            .containsExactly(T, T + 1, T + 2);
                }
            }
            assertThat(Arrays.copyOf(session.cache(1).positions(0), CAPACITY)).isEqualTo(kept);
            session.close();
        }
    }

    static Settings settings(String pooling, int kernel) {
        return TestSettings.of("capacity", CAPACITY, "window", WINDOW, "kernel", kernel, "pooling", pooling);
    }

    /** Greedy: prefills {@code prompt}, then decodes; {@code afterPrompt} sees the session once the prompt is in. */
    static List<float[]> decode(TransformerLm lm, int[] prompt, int steps,
                                java.util.function.Consumer<TransformerSession> afterPrompt) {
        List<float[]> rows = new ArrayList<>();
        try (TransformerSession session = lm.newSession()) {
            float[] logits = session.appendLast(prompt);
            if (afterPrompt != null) {
                afterPrompt.accept(session);
            }
            for (int i = 0; i < steps; i++) {
                rows.add(logits);
                logits = session.appendLast(new int[] {argmax(logits)});
            }
        }
        return rows;
    }

    static int[] prompt(int length) {
        return IntStream.range(0, length).map(i -> 3 + (i * 7 + i / 5) % 35).toArray();
    }

    static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int v = 0; v < actual.length; v++) {
            assertThat((double) actual[v]).as("%s: logit %d", what, v)
                    .isCloseTo(expected[v], Offset.offset(1e-4 * Math.max(1, Math.abs(expected[v]))));
        }
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            best = logits[i] > logits[best] ? i : best;
        }
        return best;
    }

    private static float[] last(float[][] rows) {
        return rows[rows.length - 1];
    }
}
