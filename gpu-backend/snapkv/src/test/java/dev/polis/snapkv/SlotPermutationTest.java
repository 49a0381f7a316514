package dev.polis.snapkv;

import java.nio.file.Path;
import java.util.List;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.KvCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attention does not care in which slot a kept entry sits: shuffling each key/value head's slots differently after
 * SnapKV compressed the prompt leaves every decoded logit as it was (the runtime's masks follow positions, not slots).
 */
class SlotPermutationTest {

    @TempDir
    static Path folder;

    @BeforeAll
    static void writeCheckpoint() {
        TinyModel.write(folder, 41);
    }

    @Test
    void permutingTheCompressedCacheSlotsOfEachHeadChangesNoLogit() {
        int[] prompt = CompressedCacheTest.prompt(60);
        try (TransformerLm lm = TinyModel.load(folder)) {
            lm.install(new SnapKv(e -> { }), CompressedCacheTest.settings("max", 5));
            List<float[]> straight = CompressedCacheTest.decode(lm, prompt, 8, null);
            List<float[]> shuffled = CompressedCacheTest.decode(lm, prompt, 8, SlotPermutationTest::shuffle);
            for (int i = 0; i < straight.size(); i++) {
                CompressedCacheTest.assertClose(shuffled.get(i), straight.get(i), "step " + i);
            }
        }
    }

    /** Rotates head h's slots by h + 1 and reverses them, so no head keeps its order and heads differ. */
    private static void shuffle(TransformerSession session) {
        session.step(() -> {
            NDManager m = session.stepManager();
            for (int l = 0; l < 3; l++) {
                KvCache cache = session.cache(l);
                int n = cache.length();
                int heads = cache.kvHeads();
                long dim = cache.keys(m).getShape().get(3);
                int[][] positions = new int[heads][n];
                long[] index = new long[heads * n * (int) dim];
                for (int h = 0; h < heads; h++) {
                    int[] old = cache.positions(h);
                    for (int s = 0; s < n; s++) {
                        int from = (n - 1 - s + h + 1) % n;
                        positions[h][s] = old[from];
                        for (int d = 0; d < dim; d++) {
                            index[(h * n + s) * (int) dim + d] = from;
                        }
                    }
                }
                NDArray gather = m.create(index, new Shape(1, heads, n, dim));
                NDArray k = cache.keys(m).gather(gather, 2);
                NDArray v = cache.values(m).gather(gather, 2);
                cache.replace(k, v, positions);
            }
            return null;
        });
    }
}
