package dev.polis.layerskip.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.polis.runtime.model.TransformerSession;
import dev.polis.runtime.seam.AppendPhase;

/**
 * One sequence decoded self-speculatively (spec §A.3): the first {@link #round} prefills the prompt through the
 * runtime's installed prefill strategy and every layer ({@link AppendPhase#PROMPT}, so KV-cache policies see the
 * prompt once) and emits the full model's first token; each later round drafts up to d tokens with layers
 * {@code 0..E-1}, then runs layers {@code E..L-1} once ({@link AppendPhase#VERIFY}) over the exit-layer hidden states
 * of the pending token and the drafts, keeps the longest accepted prefix plus one full-model token, and crops every
 * layer's cache to the kept tokens.
 *
 * <p>Invariant between rounds: every layer's cache holds the prompt and the emitted tokens except the last one,
 * which is {@link #pending()} (the whole prompt before the first round), up to the positions a KV-cache policy
 * dropped. Draft KV of layers below E is reused by the verifier; the exit-layer hidden states ("exit query cache")
 * live only for the round.
 */
final class SelfSpeculativeSession implements AutoCloseable {

    private final LayeredModel model;
    private final TransformerSession session;
    private final int exitLayer;
    private final Speculation speculation;
    private int[] pending;

    SelfSpeculativeSession(LayeredModel model, int[] prompt, int exitLayer, Speculation speculation) {
        if (exitLayer < 1 || exitLayer >= model.depth()) {
            throw new IllegalArgumentException("exit layer must be in [1, " + (model.depth() - 1) + "] but was "
                    + exitLayer);
        }
        this.model = model;
        this.session = model.lm().newSession();
        this.exitLayer = exitLayer;
        this.speculation = speculation;
        this.pending = prompt.clone();
    }

    /** Returns the tokens no layer has processed yet. */
    int[] pending() {
        return pending.clone();
    }

    /** Returns the runtime session, whose per-layer caches tests inspect. */
    TransformerSession session() {
        return session;
    }

    /** Returns how many more tokens fit in the session after the pending ones. */
    int room() {
        return session.capacity() - session.length() - pending.length;
    }

    /**
     * Runs one round drafting at most {@code maxDrafts} tokens (0 runs the full model on the pending tokens); drafting
     * stops early at a token of {@code stops}. The first round prefills the prompt instead.
     */
    Round round(int maxDrafts, Set<Integer> stops) {
        if (room() < 0) {
            throw new IllegalStateException("the session is full: no room for the pending tokens");
        }
        if (session.length() == 0) {
            return prefill();
        }
        int drafts = Math.max(0, Math.min(maxDrafts, room()));
        Round round = session.step(() -> run(drafts, stops));
        pending = new int[] {round.emitted()[round.emitted().length - 1]};
        return round;
    }

    private Round prefill() {
        long start = System.nanoTime();
        float[] logits = session.appendLast(pending);
        int next = speculation.verify(new int[0], new float[0][], new float[][] {logits}).next();
        pending = new int[] {next};
        return Round.prefill(next, System.nanoTime() - start);
    }

    private Round run(int maxDrafts, Set<Integer> stops) {
        int n = session.length();
        int position = n;
        List<NDArray> exitStates = new ArrayList<>();
        int[] drafted = new int[maxDrafts];
        float[][] draftLogits = new float[maxDrafts][];
        int k = 0;
        int[] x = pending;
        long start = System.nanoTime();
        long singleNanos = 0;
        int singles = 0;
        while (k < maxDrafts) {
            long stepStart = System.nanoTime();
            NDArray h = model.run(session, x, position, 0, exitLayer);
            position += x.length;
            exitStates.add(h);
            draftLogits[k] = model.lastLogits(h, 1)[0];
            drafted[k] = speculation.draft(draftLogits[k]);
            if (x.length == 1) {
                singles++;
                singleNanos += System.nanoTime() - stepStart;
            }
            x = new int[] {drafted[k]};
            k++;
            if (stops.contains(drafted[k - 1])) {
                break;
            }
        }
        long drafting = System.nanoTime();
        int exitRows = exitStates.stream().mapToInt(a -> (int) a.getShape().get(1)).sum();
        int[] tail = k > 0 ? new int[] {drafted[k - 1]} : pending;
        exitStates.add(model.run(session, tail, position, 0, exitLayer));
        NDArray exits = exitStates.size() == 1 ? exitStates.get(0)
                : NDArrays.concat(new NDList(exitStates.toArray(NDArray[]::new)), 1);
        NDArray verified = session.phase(AppendPhase.VERIFY,
                () -> model.run(session, exits, n, exitLayer, model.depth()));
        float[][] full = model.lastLogits(verified, k + 1);
        int[] drafts = Arrays.copyOf(drafted, k);
        Speculation.Verdict verdict = speculation.verify(drafts, Arrays.copyOf(draftLogits, k), full);
        int m = verdict.accepted();
        session.assumeLength(n + pending.length + k);
        session.crop(n + pending.length + m);
        int[] emitted = Arrays.copyOf(drafts, m + 1);
        emitted[m] = verdict.next();
        return new Round(emitted, k, m, exitRows, drafting - start, System.nanoTime() - drafting, singles,
                singleNanos, false);
    }

    @Override
    public void close() {
        session.close();
    }
}
