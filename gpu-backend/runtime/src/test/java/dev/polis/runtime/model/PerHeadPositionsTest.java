package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.polis.runtime.fixtures.ReferenceForward;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.KvCache;
import dev.polis.runtime.seam.KvCachePolicySeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key/value heads may keep different positions (SnapKV selects per head): after a policy keeps the even prompt
 * positions in head 0 and the odd ones, in reverse order, in head 1, decoding equals the float64 reference with each
 * head's dropped keys masked; the cache reports the positions per head and refuses a crop that would leave the heads
 * with different lengths.
 */
class PerHeadPositionsTest {

    private static final int[] PROMPT = {1, 5, 9, 17, 3, 33, 8, 21, 4, 12, 30, 2};
    private static final int[] DECODED = {7, 19, 25, 11};

    @TempDir
    Path folder;

    @Test
    void decodingOverHeadsThatKeptDifferentPositionsEqualsTheReferenceMaskedPerHead() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.layers = 3;
        checkpoint.writeTo(folder);
        int[] all = new int[PROMPT.length + DECODED.length];
        System.arraycopy(PROMPT, 0, all, 0, PROMPT.length);
        System.arraycopy(DECODED, 0, all, PROMPT.length, DECODED.length);
        int n = PROMPT.length;
        double[][] expected = new ReferenceForward(checkpoint).logits(all,
                (ReferenceForward.HeadMask) (head, query, key) -> query < n || key >= n || key % 2 == head);
        try (TransformerLm lm = TransformerLm.load(folder, LoadOptions.DEFAULTS)) {
            lm.seam(KvCachePolicySeam.class).orElseThrow().add(event -> {
                if (event.phase() == AppendPhase.PROMPT) {
                    keepByParity(event.cache(), event.session().stepManager());
                }
            });
            try (TransformerSession session = lm.newSession()) {
                session.appendLast(PROMPT);
                KvCache cache = session.cache(1);
                assertThat(cache.headsShareSlots()).isFalse();
                assertThat(cache.positions(0)).containsExactly(0, 2, 4, 6, 8, 10);
                assertThat(cache.positions(1)).containsExactly(11, 9, 7, 5, 3, 1);
                for (int t = 0; t < DECODED.length; t++) {
                    float[] actual = session.appendLast(new int[] {DECODED[t]});
                    ReferenceLogitsTest.assertClose(new float[][] {actual}, new double[][] {expected[n + t]});
                }
                assertThat(cache.positions(1)).endsWith(12, 13, 14, 15);
                assertThatThrownBy(() -> session.crop(n - 1)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("would keep different numbers of slots (6 and 5)");
            }
        }
    }

    /** Head 0 keeps the even prompt positions in order, head 1 the odd ones in reverse order. */
    static void keepByParity(KvCache cache, NDManager manager) {
        int length = cache.length();
        int[][] kept = new int[2][];
        NDList keys = new NDList();
        NDList values = new NDList();
        for (int head = 0; head < 2; head++) {
            int count = length / 2;
            kept[head] = new int[count];
            NDList k = new NDList();
            NDList v = new NDList();
            for (int i = 0; i < count; i++) {
                int slot = head == 0 ? 2 * i : length - 1 - 2 * i;
                kept[head][i] = cache.positions(head)[slot];
                NDIndex one = new NDIndex().addAllDim().addSliceDim(head, head + 1).addSliceDim(slot, slot + 1);
                k.add(cache.keys(manager).get(one));
                v.add(cache.values(manager).get(one));
            }
            keys.add(NDArrays.concat(k, 2));
            values.add(NDArrays.concat(v, 2));
        }
        NDArray newKeys = NDArrays.concat(keys, 1);
        NDArray newValues = NDArrays.concat(values, 1);
        cache.replace(newKeys, newValues, kept);
        cache.compact();
    }
}
