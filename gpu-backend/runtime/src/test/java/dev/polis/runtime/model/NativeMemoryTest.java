package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long generation leaves no arrays behind and does not grow the process's resident memory. */
class NativeMemoryTest {

    @Test
    void thousandsOfDecodeStepsLeaveNoArraysBehind(@TempDir Path dir) throws IOException {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.maxPositions = 2400;
        checkpoint.writeTo(dir);
        try (TransformerLm lm = TransformerLm.load(dir, LoadOptions.DEFAULTS);
             TransformerSession session = lm.newSession(1, 2400)) {
            NDManager root = lm.seam(dev.polis.runtime.seam.FeedForwardSeam.class).orElseThrow().manager();
            session.appendLast(new int[] {1, 2, 3, 4});
            int token = 5;
            for (int i = 0; i < 300; i++) {
                token = next(session, token);
            }
            int arraysBefore = count(root);
            long rssFirst = residentKb();
            for (int i = 0; i < 1000; i++) {
                token = next(session, token);
            }
            long rssSecond = residentKb();
            for (int i = 0; i < 1000; i++) {
                token = next(session, token);
            }
            long rssThird = residentKb();
            assertThat(session.length()).isEqualTo(2304);
            assertThat(count(root)).as("arrays held by the model's managers").isEqualTo(arraysBefore);
            // The heap is fixed and pre-touched (see the pom's argLine), so resident memory moves with native memory;
            // the first window may still grow the JIT's code cache, a leak would grow every window.
            assertThat(rssThird - rssSecond).as("resident memory growth in KiB over the last 1,000 steps (first "
                    + "window grew %d KiB)", rssSecond - rssFirst).isLessThan(24 * 1024);
        }
    }

    private static int next(TransformerSession session, int token) {
        float[] logits = session.appendLast(new int[] {token});
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int count(NDManager manager) {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
