package dev.polis.snapkv.policy;

import java.util.function.Consumer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.KvCache;
import dev.polis.runtime.seam.KvCacheEvent;
import dev.polis.runtime.seam.KvCachePolicy;

/**
 * SnapKV as a KV-cache policy: once a prompt is in a layer (phase {@link AppendPhase#PROMPT}; the prompt's own
 * attention used every key), each key/value head keeps the {@code capacity - window} slots its window's queries voted
 * for most (after pooling) plus the window, in position order, and the cache is compacted so the dropped entries'
 * memory is freed. Tokens that follow are appended after the kept slots at their own positions T, T+1, ... (the
 * runtime positions by sequence length, not by slots). Verification blocks and other appends are left alone: only
 * the prompt is compressed. A cache that already fits the capacity is kept as it is, and the listener is told so.
 *
 * <p>The runtime tells the policy about each layer as soon as the prompt is in it, before the next layer runs, and
 * keeps only the window's query rows ({@link #queryRows()}), so a prompt's peak memory holds one layer's full cache
 * and the compressed others, not every layer's full cache and queries.
 */
public final class SnapKvPolicy implements KvCachePolicy {

    private final SnapKvSettings settings;
    private final Consumer<PromptCompression> listener;

    /** Creates the policy; {@code listener} hears what happened to every layer after every prompt. */
    public SnapKvPolicy(SnapKvSettings settings, Consumer<PromptCompression> listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** Only the observation window's queries vote, so the runtime keeps just those rows of each layer's prompt. */
    @Override
    public int queryRows() {
        return settings.window();
    }

    @Override
    public void afterAppend(KvCacheEvent event) {
        if (event.phase() != AppendPhase.PROMPT) {
            return;
        }
        KvCache cache = event.cache();
        int slots = cache.length();
        int sequence = event.positions()[event.positions().length - 1] + 1;
        long before = cache.bytes();
        if (slots <= settings.capacity()) {
            listener.accept(new PromptCompression(event.layer(), sequence, slots, settings.capacity(), false, before,
                    before));
            return;
        }
        compress(event, cache);
        cache.compact();
        listener.accept(new PromptCompression(event.layer(), sequence, slots, cache.length(), true, before,
                cache.bytes()));
    }

    private void compress(KvCacheEvent event, KvCache cache) {
        NDManager manager = event.session().stepManager();
        int slots = cache.length();
        int window = settings.window();
        float[][] votes = WindowVotes.of(event.queries(), event.positions(), cache, window, manager);
        float[][] pooled = new float[votes.length][];
        for (int h = 0; h < votes.length; h++) {
            pooled[h] = settings.pooling().pool(java.util.Arrays.copyOf(votes[h], slots - window), settings.kernel());
        }
        int[][] kept = Selection.keep(pooled, slots, settings.capacity(), window);
        int[][] positions = new int[kept.length][];
        for (int h = 0; h < kept.length; h++) {
            int[] all = cache.positions(h);
            positions[h] = new int[kept[h].length];
            for (int i = 0; i < kept[h].length; i++) {
                positions[h][i] = all[kept[h][i]];
            }
        }
        NDArray index = gatherIndex(kept, cache, manager);
        NDArray keys = cache.keys(manager).gather(index, 2);
        NDArray values = cache.values(manager).gather(index, 2);
        cache.replace(keys, values, positions);
    }

    /** Returns the gather index {@code [batch, kvHeads, kept, headDim]} that picks each head's kept slots. */
    private static NDArray gatherIndex(int[][] kept, KvCache cache, NDManager manager) {
        Shape shape = cache.keys(manager).getShape();
        int batch = (int) shape.get(0);
        int heads = kept.length;
        int n = kept[0].length;
        int headDim = (int) shape.get(3);
        long[] index = new long[batch * heads * n * headDim];
        int i = 0;
        for (int b = 0; b < batch; b++) {
            for (int[] row : kept) {
                for (int slot : row) {
                    for (int d = 0; d < headDim; d++) {
                        index[i++] = slot;
                    }
                }
            }
        }
        return manager.create(index, new Shape(batch, heads, n, headDim));
    }
}
