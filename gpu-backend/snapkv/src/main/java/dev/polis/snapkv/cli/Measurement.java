package dev.polis.snapkv.cli;

import java.util.Arrays;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.model.TransformerSession;

/**
 * One generation of the benchmark: a prompt prefilled, then greedy decode steps, timed, with the KV bytes the caches
 * hold (summed over layers, from their allocation) and the growth of the process's resident memory, both after the
 * prompt and after decoding.
 *
 * @param firstTokenMillis   prefill time
 * @param decodeMillis       median time of one decode step
 * @param kvAfterPrompt      KV bytes after the prompt (after SnapKV compressed it)
 * @param kvAfterDecode      KV bytes after the last decode step
 * @param residentAfterPrompt growth of resident memory from before the session to after the prompt
 * @param residentAfterDecode growth of resident memory from before the session to after decoding
 */
record Measurement(double firstTokenMillis, double decodeMillis, long kvAfterPrompt, long kvAfterDecode,
                   long residentAfterPrompt, long residentAfterDecode) {

    /** Prefills {@code prompt} on {@code lm} and decodes {@code steps} greedy tokens. */
    static Measurement run(TransformerLm lm, int[] prompt, int steps) {
        long resident = ResidentMemory.bytes();
        try (TransformerSession session = lm.newSession(1, prompt.length + steps + 1)) {
            long start = System.nanoTime();
            float[] logits = session.appendLast(prompt);
            double first = (System.nanoTime() - start) / 1e6;
            long kvPrompt = kvBytes(session, lm.config().layers());
            long residentPrompt = ResidentMemory.bytes() - resident;
            double[] step = new double[steps];
            for (int i = 0; i < steps; i++) {
                long t = System.nanoTime();
                logits = session.appendLast(new int[] {argmax(logits)});
                step[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(step);
            return new Measurement(first, step[steps / 2], kvPrompt, kvBytes(session, lm.config().layers()),
                    residentPrompt, ResidentMemory.bytes() - resident);
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
