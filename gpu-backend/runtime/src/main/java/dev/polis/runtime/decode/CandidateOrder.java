package dev.polis.runtime.decode;

import java.util.Arrays;

/**
 * Orders token ids by logit, most likely first and ties by lower id, without boxing: each id is packed with its
 * logit into one {@code long} whose natural order is the wanted order.
 */
final class CandidateOrder {

    private CandidateOrder() {
    }

    /** Returns every id, most likely first. */
    static int[] all(float[] logits) {
        long[] keys = new long[logits.length];
        for (int i = 0; i < logits.length; i++) {
            keys[i] = key(logits[i], i);
        }
        Arrays.sort(keys);
        return ids(keys, keys.length);
    }

    /** Returns the {@code k} most likely ids, most likely first, keeping a heap of {@code k} (O(V log k)). */
    static int[] top(float[] logits, int k) {
        if (k >= logits.length) {
            return all(logits);
        }
        long[] heap = new long[k];
        for (int i = 0; i < k; i++) {
            heap[i] = key(logits[i], i);
            siftUp(heap, i);
        }
        for (int i = k; i < logits.length; i++) {
            long key = key(logits[i], i);
            if (key < heap[0]) {
                heap[0] = key;
                siftDown(heap, k);
            }
        }
        Arrays.sort(heap);
        return ids(heap, k);
    }

    /** Packs a logit and an id so that a smaller key means a larger logit, then a smaller id. */
    static long key(float logit, int id) {
        int bits = Float.floatToIntBits(logit);
        int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~ordered << 32) | (id & 0xffffffffL);
    }

    private static int[] ids(long[] keys, int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = (int) keys[i];
        }
        return ids;
    }

    // A max-heap on keys: its root is the worst of the k best seen so far.
    private static void siftUp(long[] heap, int index) {
        int child = index;
        while (child > 0) {
            int parent = (child - 1) / 2;
            if (heap[parent] >= heap[child]) {
                return;
            }
            swap(heap, parent, child);
            child = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int parent = 0;
        while (true) {
            int left = 2 * parent + 1;
            int largest = parent;
            if (left < size && heap[left] > heap[largest]) {
                largest = left;
            }
            if (left + 1 < size && heap[left + 1] > heap[largest]) {
                largest = left + 1;
            }
            if (largest == parent) {
                return;
            }
            swap(heap, parent, largest);
            parent = largest;
        }
    }

    private static void swap(long[] heap, int a, int b) {
        long t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
