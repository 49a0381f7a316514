package dev.polis.runtime.train;

import java.util.SplittableRandom;

/**
 * Chooses training windows at positions drawn uniformly inside the training part of a {@link Corpus} (a window and
 * its shifted targets never reach the held-out part), moved back to their document's start when {@link WindowStarts}
 * says so, and fixed validation windows spread evenly over the held-out part.
 */
final class BatchSampler {

    private final Corpus corpus;
    private final int batch;
    private final int seqLen;
    private final long seed;
    private final WindowStarts windowStarts;

    BatchSampler(Corpus corpus, int batch, int seqLen, long seed, WindowStarts starts) {
        this.corpus = corpus;
        this.windowStarts = starts;
        this.batch = batch;
        this.seqLen = seqLen;
        this.seed = seed;
    }

    /** Returns the batch of the 0-based step {@code step}; the same step always gives the same batch. */
    Batch training(long step) {
        SplittableRandom random = StepRandom.batches(seed, step);
        int bound = corpus.trainingLength() - seqLen - 1;
        int[] starts = new int[batch];
        for (int b = 0; b < batch; b++) {
            int drawn = bound <= 0 ? 0 : random.nextInt(bound + 1);
            starts[b] = windowStarts == WindowStarts.DOCUMENTS ? corpus.documentStart(drawn) : drawn;
        }
        return Batch.of(corpus.tokens(), starts, seqLen);
    }

    /** Returns up to {@code batches} validation batches of held-out windows (at least one window). */
    java.util.List<Batch> validation(int batches) {
        int room = corpus.heldoutLength() - seqLen - 1;
        int windows = Math.max(1, Math.min(batches * batch, room / Math.max(1, seqLen / 2) + 1));
        java.util.List<Batch> out = new java.util.ArrayList<>();
        for (int first = 0; first < windows; first += batch) {
            int count = Math.min(batch, windows - first);
            int[] starts = new int[count];
            for (int i = 0; i < count; i++) {
                int w = first + i;
                starts[i] = corpus.heldoutStart() + (windows == 1 ? 0 : (int) ((long) room * w / (windows - 1)));
            }
            out.add(Batch.of(corpus.tokens(), starts, seqLen));
        }
        return out;
    }
}
