package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KV cache gives the same logits as recomputing; cropping, batching and prefill agree with fresh runs. */
class SessionCacheTest {

    @TempDir
    static Path dir;
    static TransformerLm lm;

    static final int[] SEQUENCE = {3, 14, 15, 9, 26, 5, 35, 8, 9, 7, 9, 32, 38, 4, 6, 2, 6, 4, 33, 8};

    @BeforeAll
    static void load() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = 3;
        checkpoint.writeTo(dir);
        lm = TransformerLm.load(dir, LoadOptions.DEFAULTS.withMaxContext(64));
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void decodingWithTheCacheEqualsRecomputingTheWholeSequence() {
        try (TransformerSession cached = lm.newSession()) {
            cached.append(new int[] {SEQUENCE[0]});
            for (int t = 1; t < SEQUENCE.length; t++) {
                float[] incremental = cached.append(new int[] {SEQUENCE[t]})[0];
                try (TransformerSession fresh = lm.newSession()) {
                    float[][] all = fresh.append(java.util.Arrays.copyOf(SEQUENCE, t + 1));
                    assertClose(incremental, all[t]);
                }
            }
            assertThat(cached.length()).isEqualTo(SEQUENCE.length);
        }
    }

    @Test
    void cropThenReappendEqualsAFreshRun() {
        int[] other = {11, 12, 13, 14, 15};
        try (TransformerSession session = lm.newSession(); TransformerSession fresh = lm.newSession()) {
            session.append(SEQUENCE);
            session.crop(8);
            assertThat(session.length()).isEqualTo(8);
            assertThat(session.cache(0).length()).isEqualTo(8);
            float[][] after = session.append(other);
            int[] expected = new int[13];
            System.arraycopy(SEQUENCE, 0, expected, 0, 8);
            System.arraycopy(other, 0, expected, 8, 5);
            float[][] reference = fresh.append(expected);
            for (int i = 0; i < 5; i++) {
                assertClose(after[i], reference[8 + i]);
            }
        }
    }

    @Test
    void appendLastGivesTheLastRowOfAppend() {
        try (TransformerSession a = lm.newSession(); TransformerSession b = lm.newSession()) {
            float[][] rows = a.append(SEQUENCE);
            assertClose(b.appendLast(SEQUENCE), rows[rows.length - 1]);
        }
    }

    @Test
    void aBatchDecodesEachSequenceAsItsOwnSessionWould() {
        int[] first = {1, 2, 3, 4, 5, 6};
        int[] second = {30, 29, 28, 27, 26, 25};
        try (TransformerSession batch = lm.newSession(2, 32);
             TransformerSession one = lm.newSession(); TransformerSession two = lm.newSession()) {
            float[][][] together = batch.appendBatch(new int[][] {first, second});
            float[][][] next = batch.appendBatch(new int[][] {{7}, {24}});
            assertClose(together[0][5], one.append(first)[5]);
            assertClose(together[1][5], two.append(second)[5]);
            assertClose(next[0][0], one.append(new int[] {7})[0]);
            assertClose(next[1][0], two.append(new int[] {24})[0]);
        }
    }

    static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("logit %d", i).isCloseTo(expected[i], within(1e-4f));
        }
    }
}
