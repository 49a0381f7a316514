package dev.polis.snapkv.cli;

import java.util.Arrays;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;

/**
 * One generation's figures in the benchmark: prefill time, the median decode step, the KV bytes the caches hold
 * (their allocation, summed over layers) after the prompt and after decoding, and the resident memory the process
 * gave back when the session (its caches) closed: the cache's real memory, not arithmetic. That figure is exact when
 * large allocations are mapped and unmapped one by one ({@code MALLOC_MMAP_THRESHOLD_=131072} for glibc); the Java
 * heap does not shrink on close, so it does not blur it.
 *
 * @param firstTokenMillis    prefill time
 * @param decodeMillis        median time of one decode step
 * @param kvAfterPrompt       KV bytes after the prompt (after SnapKV compressed it)
 * @param kvAfterDecode       KV bytes after the last decode step
 * @param residentReleased    resident bytes the process gave back when the session closed after decoding
 */
record Measurement(double firstTokenMillis, double decodeMillis, long kvAfterPrompt, long kvAfterDecode,
                   long residentReleased) {

    /**
     * Prefills {@code prompt} on each model (one after the other, each session kept open), then decodes
     * {@code steps} greedy tokens on them in alternation (first one model, then the other, the order swapped every
     * step), so that load from other processes falls on both alike. A null model is skipped (its figures are null).
     */
    static Measurement[] paired(TransformerLm[] models, int[] prompt, int steps) {
        int n = models.length;
        TransformerSession[] sessions = new TransformerSession[n];
        float[][] logits = new float[n][];
        double[] first = new double[n];
        long[] kvPrompt = new long[n];
        double[][] step = new double[n][steps];
        try {
            for (int m = 0; m < n; m++) {
                if (models[m] == null) {
                    continue;
                }
                sessions[m] = models[m].newSession(1, prompt.length + steps + 1);
                long start = System.nanoTime();
                logits[m] = sessions[m].appendLast(prompt);
                first[m] = (System.nanoTime() - start) / 1e6;
                kvPrompt[m] = kvBytes(sessions[m], models[m].config().layers());
            }
            for (int i = 0; i < steps; i++) {
                for (int k = 0; k < n; k++) {
                    int m = i % 2 == 0 ? k : n - 1 - k;
                    if (sessions[m] != null) {
                        long t = System.nanoTime();
                        logits[m] = sessions[m].appendLast(new int[] {argmax(logits[m])});
                        step[m][i] = (System.nanoTime() - t) / 1e6;
                    }
                }
            }
            Measurement[] out = new Measurement[n];
            for (int m = 0; m < n; m++) {
                if (sessions[m] != null) {
                    Arrays.sort(step[m]);
                    long kv = kvBytes(sessions[m], models[m].config().layers());
                    long before = ResidentMemory.bytes();
                    sessions[m].close();
                    sessions[m] = null;
                    out[m] = new Measurement(first[m], step[m][steps / 2], kvPrompt[m], kv,
                            before - ResidentMemory.bytes());
                }
            }
            return out;
        } finally {
            for (TransformerSession session : sessions) {
                if (session != null) {
                    session.close();
                }
            }
        }
    }

    private static long kvBytes(TransformerSession session, int layers) {
        long sum = 0;
        for (int l = 0; l < layers; l++) {
            sum += session.cache(l).bytes();
        }
        return sum;
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            best = logits[i] > logits[best] ? i : best;
        }
        return best;
    }
}
