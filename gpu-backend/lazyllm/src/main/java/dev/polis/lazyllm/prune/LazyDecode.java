package dev.polis.lazyllm.prune;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.IntStream;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.polis.runtime.seam.AttentionRows;
import dev.polis.runtime.seam.DecodeStrategy;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.LayerSession;

/**
 * LazyLLM's decoding step with the Aux Cache (spec §B.4): the new token runs through every layer; at each pruning
 * layer its attention (mean over heads) over the tokens that layer holds deselects the lowest {@link Schedule#rate}
 * share of them for the rest of the step (never the new token). A token that stopped at that layer during an earlier
 * prefill or step and is still selected is revived: its hidden state comes out of the {@link AuxCache} and it runs
 * from the next layer on, beside the new token, at its own position. No (token, layer) pair is computed twice.
 *
 * <p>Decoders that take their own layer ranges (self-speculative drafting over the first layers, then verification
 * of several tokens over the rest) come through {@link #run}: the same step over {@code [from, to)}, with every one
 * of the caller's rows kept. A token revived in a range that ends before the last layer is suspended there and
 * resumes with the caller's next range from that layer, so it still reaches every layer exactly once.
 *
 * <p>Keys already in a layer's cache stay visible to the new token even when this step deselected their token (the
 * runtime has no per-step key mask): the schedule decides which pruned tokens come back, not which cached keys are
 * read. A session with an empty Aux Cache steps through the layers in one call, as dense.
 */
public final class LazyDecode implements DecodeStrategy {

    private final DecodeStrategy inner;
    private final LazySettings settings;
    private final SessionStates states;

    /** Creates the strategy over {@code inner} (used when nothing waits in the Aux Cache), sharing {@code states}. */
    public LazyDecode(DecodeStrategy inner, LazySettings settings, SessionStates states) {
        this.inner = inner;
        this.settings = settings;
        this.states = states;
    }

    @Override
    public NDArray decode(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions) {
        AuxCache state = states.of(session);
        state.forgetFrom(positions[0]);
        state.startStep();
        if (state.isEmpty() || session.batchSize() != 1) {
            NDArray h = inner.decode(session, layers, hidden, positions);
            state.computed(positions, 0, layers.layers());
            return h;
        }
        return lazy(state, session, layers, hidden, positions, 0, layers.layers());
    }

    @Override
    public NDArray run(LayerSession session, LayerAccess layers, NDArray hidden, int[] positions, int from, int to) {
        Optional<AuxCache> found = states.find(session);
        if (found.isEmpty()) {
            return inner.run(session, layers, hidden, positions, from, to);
        }
        AuxCache state = found.get();
        if (from == 0) {
            state.forgetFrom(positions[0]);
            state.startStep();
        }
        if (state.isEmpty() || session.batchSize() != 1) {
            NDArray h = inner.run(session, layers, hidden, positions, from, to);
            state.computed(positions, from, to);
            return h;
        }
        return lazy(state, session, layers, hidden, positions, from, to);
    }

    /** Runs the caller's rows through {@code [from, to)} with pruning and revival; returns the caller's rows. */
    private NDArray lazy(AuxCache state, LayerSession session, LayerAccess layers, NDArray hidden, int[] positions,
                         int from, int to) {
        NDManager manager = session.stepManager();
        int depth = layers.layers();
        int token = positions[positions.length - 1];
        Set<Integer> callers = new HashSet<>();
        Arrays.stream(positions).forEach(callers::add);
        int[] running = positions.clone();
        NDArray h = hidden;
        SortedMap<Integer, float[]> suspended = state.resume(from);
        if (!suspended.isEmpty()) {
            h = Rows.prepend(suspended.values().toArray(float[][]::new), h, manager);
            running = IntStream.concat(suspended.keySet().stream().mapToInt(Integer::intValue), IntStream.of(running))
                    .toArray();
        }
        Schedule schedule = settings.schedule();
        int[] pruneAt = schedule.layers();
        int at = from;
        for (int i = 0; i < pruneAt.length && pruneAt[i] < depth - 1; i++) {
            int layer = pruneAt[i];
            if (layer < from || layer >= to) {
                continue;
            }
            h = layers.run(session, h, running, at, layer + 1);
            state.computed(running, at, layer + 1);
            at = layer + 1;
            double rate = schedule.rate(i);
            int[] waiting = state.waiting(layer);
            if (rate == 0 && waiting.length == 0) {
                continue;
            }
            AttentionRows rows = session.attention(layer).orElseThrow(() -> new IllegalStateException(
                    "lazyllm: the runtime kept no attention probabilities for layer " + layer));
            int[] candidates = Arrays.stream(rows.keyPositions()).flatMapToInt(Arrays::stream).distinct()
                    .filter(p -> p <= token && !state.isDeselected(p)).sorted().toArray();
            boolean[] drop = LastTokenScores.lowest(settings.scores(rows, candidates, layer, token), candidates,
                    (int) Math.floor(rate * candidates.length), token);
            Set<Integer> selected = new HashSet<>();
            for (int c = 0; c < candidates.length; c++) {
                if (drop[c] && !callers.contains(candidates[c])) {
                    state.deselect(candidates[c]);
                } else {
                    selected.add(candidates[c]);
                }
            }
            boolean[] stop = new boolean[running.length];
            for (int r = 0; r < running.length; r++) {
                stop[r] = state.isDeselected(running[r]) && !callers.contains(running[r]);
            }
            int[] stopIndex = LazyPrefill.indices(stop, true);
            if (stopIndex.length > 0) {
                float[][] stopped = Rows.read(h, stopIndex, manager);
                for (int s = 0; s < stopIndex.length; s++) {
                    state.store(layer, running[stopIndex[s]], stopped[s]);
                }
                int[] goOn = LazyPrefill.indices(stop, false);
                h = Rows.take(h, goOn, manager);
                running = LazyPrefill.pick(running, goOn);
            }
            // a waiting token the new token's attention selected at this layer resumes at the next one
            int[] revive = IntStream.of(waiting).filter(selected::contains).toArray();
            if (revive.length > 0) {
                float[][] resumed = new float[revive.length][];
                for (int r = 0; r < revive.length; r++) {
                    resumed[r] = state.revive(layer, revive[r]);
                }
                h = Rows.prepend(resumed, h, manager);
                running = IntStream.concat(IntStream.of(revive), IntStream.of(running)).toArray();
            }
        }
        if (at < to) {
            h = layers.run(session, h, running, at, to);
            state.computed(running, at, to);
        }
        return callerRows(state, h, running, positions.length, to, depth, manager);
    }

    /**
     * Returns the caller's rows of {@code h} (the last {@code callers} of {@code running}); revived rows before them
     * are suspended at {@code to} when the range ends before the last layer.
     */
    private static NDArray callerRows(AuxCache state, NDArray h, int[] running, int callers, int to, int depth,
                                      NDManager manager) {
        int extra = running.length - callers;
        if (extra == 0) {
            return h;
        }
        if (to < depth) {
            float[][] rows = Rows.read(h, IntStream.range(0, extra).toArray(), manager);
            for (int r = 0; r < extra; r++) {
                state.suspend(to, running[r], rows[r]);
            }
        }
        return Rows.take(h, IntStream.range(extra, running.length).toArray(), manager);
    }
}
