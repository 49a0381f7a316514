package dev.polis.runtime.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.seam.AppendPhase;
import dev.polis.runtime.seam.KvCache;
import dev.polis.runtime.seam.KvCacheEvent;
import dev.polis.runtime.seam.KvCachePolicy;

/**
 * A test KV-cache policy that reads the event's queries as SnapKV does, in miniature: after a prompt, each key/value
 * head keeps the {@code keep} slots with the largest summed dot products with the last {@code rows} queries of its
 * group (ties to the earlier slot), in position order, and the cache is compacted. {@link #deferred()} wraps it so it
 * acts on every layer only once the last layer is told, which is what the runtime did before it told a prompt's
 * layers one by one.
 */
final class QueryScoredPolicy implements KvCachePolicy {

    private final int rows;
    private final int keep;

    QueryScoredPolicy(int rows, int keep) {
        this.rows = rows;
        this.keep = keep;
    }

    @Override
    public int queryRows() {
        return rows;
    }

    @Override
    public void afterAppend(KvCacheEvent event) {
        if (event.phase() == AppendPhase.PROMPT) {
            compress(event.queries(), event.cache(), event.session().stepManager());
        }
    }

    /**
     * Returns a policy that remembers each layer's queries and compresses every layer of a model of {@code layers}
     * layers when the last one is told.
     */
    KvCachePolicy deferred(int layers) {
        List<NDArray> queries = new ArrayList<>();
        List<KvCache> caches = new ArrayList<>();
        return new KvCachePolicy() {
            @Override
            public int queryRows() {
                return rows;
            }

            @Override
            public void afterAppend(KvCacheEvent event) {
                if (event.phase() != AppendPhase.PROMPT) {
                    return;
                }
                NDArray copy = event.queries().duplicate();
                NDScope.unregister(copy);
                queries.add(copy);
                caches.add(event.cache());
                if (event.layer() == layers - 1) {
                    for (int l = 0; l < caches.size(); l++) {
                        compress(queries.get(l), caches.get(l), event.session().stepManager());
                    }
                    queries.clear();
                    caches.clear();
                }
            }
        };
    }

    private void compress(NDArray q, KvCache cache, NDManager manager) {
        int slots = cache.length();
        if (slots <= keep) {
            return;
        }
        Shape shape = q.getShape();
        int kvHeads = cache.kvHeads();
        long group = shape.get(1) / kvHeads;
        long tokens = shape.get(2);
        NDArray grouped = q.reshape(shape.get(0), kvHeads, group * tokens, shape.get(3));
        float[] scores = grouped.matMul(cache.keys(manager).transpose(0, 1, 3, 2)).sum(new int[] {0, 2})
                .toFloatArray();
        int[][] kept = new int[kvHeads][];
        NDList keys = new NDList();
        NDList values = new NDList();
        for (int h = 0; h < kvHeads; h++) {
            int head = h;
            int[] slotsKept = IntStream.range(0, slots).boxed()
                    .sorted(Comparator.comparingDouble((Integer s) -> -scores[head * slots + s]))
                    .limit(keep).mapToInt(Integer::intValue).sorted().toArray();
            int[] all = cache.positions(h);
            kept[h] = Arrays.stream(slotsKept).map(s -> all[s]).toArray();
            NDList k = new NDList();
            NDList v = new NDList();
            for (int s : slotsKept) {
                NDIndex one = new NDIndex().addAllDim().addSliceDim(h, h + 1).addSliceDim(s, s + 1);
                k.add(cache.keys(manager).get(one));
                v.add(cache.values(manager).get(one));
            }
            keys.add(NDArrays.concat(k, 2));
            values.add(NDArrays.concat(v, 2));
        }
        cache.replace(NDArrays.concat(keys, 1), NDArrays.concat(values, 1), kept);
        cache.compact();
    }
}
