package dev.polis.runtime.accelerators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import dev.polis.api.Settings;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.LoadOptions;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.KvCache;
import dev.polis.testkit.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache's memory follows what it keeps: it grows by blocks as tokens arrive rather than holding the session's
 * capacity from the start, and a keep-last-N policy that compacts frees the dropped entries, which one that only
 * drops them does not. The figures are bytes of native key/value storage summed over layers, computed from each
 * cache's allocation ({@link KvCache#bytes()}), on a real checkpoint.
 */
class CacheMemoryTest {

    private static final int PROMPT = 1000;
    private static final int DECODE = 40;
    private static final int KEEP = 32;
    /** Per layer and slot: keys and values, 2 key/value heads of 8 floats. */
    private static final long SLOT_BYTES = 2 * 2 * 8 * Float.BYTES;

    @TempDir
    Path folder;

    @Test
    void keepingTheLastEntriesAndCompactingFreesWhatWasDroppedAndOnlyThen() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = 3;
        checkpoint.maxPositions = 2048;
        checkpoint.writeTo(folder);
        long[] full = held(null);
        long[] dropped = held(TestSettings.of("keep", KEEP, "compact", false));
        long[] compacted = held(TestSettings.of("keep", KEEP));
        System.out.printf("KV bytes after a %d-token prompt, then after %d decode steps (3 layers): full %,d / %,d;"
                        + " keep %d without compaction %,d / %,d; with compaction %,d / %,d%n", PROMPT, DECODE,
                full[0], full[1], KEEP, dropped[0], dropped[1], compacted[0], compacted[1]);
        // 1,000 prompt slots round up to 1,024 (32 blocks); 1,040 slots grow that by a quarter, to 1,280
        assertThat(full).containsExactly(3 * 1024 * SLOT_BYTES, 3 * 1280 * SLOT_BYTES);
        assertThat(dropped).as("dropping without compacting frees nothing").containsExactly(full[0], full[0]);
        // 32 kept slots fill one block; growing to 72 adds a block (64), then half of that (96)
        assertThat(compacted).containsExactly(3 * 32 * SLOT_BYTES, 3 * 96 * SLOT_BYTES);
        assertThat((double) full[1] / compacted[1]).as("memory saved after decoding").isGreaterThan(13);
    }

    @Test
    void aSessionStartsWithOneBlockPerLayerWhateverItsCapacity() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.maxPositions = 2048;
        checkpoint.writeTo(folder);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerSession session = lm.newSession(1, 2048)) {
            assertThat(session.cache(0).allocatedSlots()).isEqualTo(KvCache.BLOCK);
            session.appendLast(new int[] {1, 2, 3});
            assertThat(session.cache(1).bytes()).isEqualTo(KvCache.BLOCK * SLOT_BYTES);
        }
    }

    /** Returns the bytes the caches hold after the prompt and after decoding, with the keep-last policy if given. */
    private long[] held(Settings keepLast) {
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            if (keepLast != null) {
                lm.install(new KeepLastPolicy(), keepLast);
            }
            try (TransformerSession session = lm.newSession()) {
                int[] prompt = new int[PROMPT];
                for (int i = 0; i < PROMPT; i++) {
                    prompt[i] = 3 + i % 30;
                }
                session.appendLast(prompt);
                long afterPrompt = bytes(session, 3);
                for (int t = 0; t < DECODE; t++) {
                    session.appendLast(new int[] {4 + t % 20});
                }
                return new long[] {afterPrompt, bytes(session, 3)};
            }
        }
    }

    private static long bytes(TransformerSession session, int layers) {
        long sum = 0;
        for (int l = 0; l < layers; l++) {
            sum += session.cache(l).bytes();
        }
        return sum;
    }
}
