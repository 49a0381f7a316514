package dev.polis.lazyllm.prune;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One session's LazyLLM state: which (token, layer) pairs have been computed (their keys and values are in that
 * layer's cache), the Aux Cache of pruned tokens' hidden states kept at the layer where each stopped, and counters.
 * A token is computed at a layer at most once over a whole generation: {@link #computed} refuses a second time, so a
 * bug that recomputed would fail loudly rather than cost time quietly.
 *
 * <p>Positions are the tokens' absolute positions; everything at or after a position is forgotten when the session
 * is cropped back to it ({@link #forgetFrom}).
 */
public final class AuxCache {

    private final BitSet[] inKv;
    private final List<Map<Integer, float[]>> aux = new ArrayList<>();
    private final Map<Integer, Map<Integer, float[]>> inFlight = new HashMap<>();
    private final Set<Integer> deselected = new HashSet<>();
    private final long[] computedPerLayer;
    private long revived;
    private long pruned;
    private int tokens;

    /** Creates the state of a session of a model with {@code layers} layers. */
    public AuxCache(int layers) {
        inKv = new BitSet[layers];
        computedPerLayer = new long[layers];
        for (int l = 0; l < layers; l++) {
            inKv[l] = new BitSet();
            aux.add(new HashMap<>());
        }
    }

    /** Returns the number of layers. */
    public int layers() {
        return inKv.length;
    }

    /** Forgets what concerns positions at or after {@code position} (the session was cropped, or is at it). */
    public synchronized void forgetFrom(int position) {
        for (int l = 0; l < inKv.length; l++) {
            inKv[l].clear(position, Math.max(position, inKv[l].length()));
            aux.get(l).keySet().removeIf(p -> p >= position);
        }
        inFlight.values().forEach(m -> m.keySet().removeIf(p -> p >= position));
        tokens = Math.min(tokens, position);
    }

    /**
     * Records that {@code positions} were computed at layers {@code from..to-1}.
     *
     * @throws IllegalStateException when a pair was computed before (the invariant LazyLLM guarantees)
     */
    public synchronized void computed(int[] positions, int from, int to) {
        for (int l = from; l < to; l++) {
            for (int p : positions) {
                if (inKv[l].get(p)) {
                    throw new IllegalStateException("lazyllm: token " + p + " computed twice at layer " + l);
                }
                inKv[l].set(p);
                tokens = Math.max(tokens, p + 1);
            }
            computedPerLayer[l] += positions.length;
        }
    }

    /** Returns whether the token at {@code position} has keys and values at {@code layer}. */
    public synchronized boolean hasKv(int layer, int position) {
        return inKv[layer].get(position);
    }

    /** Keeps {@code hidden}, the state of the token at {@code position} after {@code layer}, where it was pruned. */
    public synchronized void store(int layer, int position, float[] hidden) {
        aux.get(layer).put(position, hidden);
        pruned++;
    }

    /** Returns the positions kept after {@code layer} that have no keys at {@code layer + 1}, ascending. */
    public synchronized int[] waiting(int layer) {
        return aux.get(layer).keySet().stream().mapToInt(Integer::intValue)
                .filter(p -> !inKv[layer + 1].get(p)).sorted().toArray();
    }

    /** Removes and returns the hidden state kept for {@code position} after {@code layer}: the token is revived. */
    public synchronized float[] revive(int layer, int position) {
        float[] row = aux.get(layer).remove(position);
        if (row == null) {
            throw new IllegalStateException("lazyllm: token " + position + " is not in the Aux Cache at layer " + layer);
        }
        revived++;
        return row;
    }

    /**
     * Keeps {@code hidden}, the state of a revived token at {@code position} whose run a layer-level caller ended
     * before {@code layer} (a self-speculative draft over the first layers): it resumes at {@code layer} with the
     * caller's next run from there, without being selected again.
     */
    public synchronized void suspend(int layer, int position, float[] hidden) {
        inFlight.computeIfAbsent(layer, l -> new HashMap<>()).put(position, hidden);
    }

    /**
     * Tells whether the current step deselected {@code position} at an earlier pruning layer, so later layers of the
     * step do not consider it; a step's layer ranges share this (a self-speculative draft's first layers, then the
     * verification's).
     */
    public synchronized boolean isDeselected(int position) {
        return deselected.contains(position);
    }

    /** Deselects {@code position} for the rest of the current step. */
    public synchronized void deselect(int position) {
        deselected.add(position);
    }

    /** Starts a step: nothing is deselected yet. */
    public synchronized void startStep() {
        deselected.clear();
    }

    /** Removes and returns the revived tokens suspended before {@code layer}, by ascending position. */
    public synchronized SortedMap<Integer, float[]> resume(int layer) {
        Map<Integer, float[]> waiting = inFlight.remove(layer);
        return waiting == null ? new TreeMap<>() : new TreeMap<>(waiting);
    }

    /** Returns whether the Aux Cache holds nothing, pruned or suspended. */
    public synchronized boolean isEmpty() {
        return aux.stream().allMatch(Map::isEmpty) && inFlight.values().stream().allMatch(Map::isEmpty);
    }

    /** Returns the hidden states the Aux Cache holds now. */
    public synchronized int held() {
        return aux.stream().mapToInt(Map::size).sum();
    }

    /** Returns the counters so far. */
    public synchronized Counters counters() {
        return new Counters(computedPerLayer.clone(), (long) tokens * inKv.length, revived, pruned, held());
    }

    /**
     * What a session computed.
     *
     * @param computedPerLayer (token, layer) pairs computed at each layer
     * @param densePairs       the pairs a dense model computes for the same tokens (tokens × layers)
     * @param revived          hidden states taken back out of the Aux Cache to resume a token
     * @param pruned           hidden states put into the Aux Cache
     * @param held             hidden states it holds now
     */
    public record Counters(long[] computedPerLayer, long densePairs, long revived, long pruned, int held) {

        /** Returns the (token, layer) pairs computed, all layers together. */
        public long computedPairs() {
            long sum = 0;
            for (long c : computedPerLayer) {
                sum += c;
            }
            return sum;
        }

        /** Returns the computed share of what a dense model computes. */
        public double computedShare() {
            return densePairs == 0 ? 1 : (double) computedPairs() / densePairs;
        }
    }
}
