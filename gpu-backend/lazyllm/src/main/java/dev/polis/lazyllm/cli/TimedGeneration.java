package dev.polis.lazyllm.cli;

import java.util.Arrays;
import dev.polis.api.Settings;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.Decoder;
import dev.polis.api.inference.LmSession;

/**
 * One timed greedy generation: time to first token (the prompt's prefill until its logits exist), decode time per
 * token, and the tokens. Either the bench's own greedy loop over {@code appendLast} or a {@link Decoder} (then the
 * first token's time is when the decoder hands it to its listener).
 *
 * @param ttftMillis   prefill until the first token exists
 * @param decodeMillis the rest of the generation per token after the first
 * @param tokens       the generated tokens, the first one included
 */
record TimedGeneration(double ttftMillis, double decodeMillis, int[] tokens) {

    /** Runs greedy decoding of {@code count} tokens after {@code prompt} through the model's own sessions. */
    static TimedGeneration greedy(CausalLm lm, int[] prompt, int count) {
        try (LmSession session = lm.newSession()) {
            long start = System.nanoTime();
            float[] logits = session.appendLast(prompt);
            int[] tokens = new int[count];
            tokens[0] = argmax(logits);
            long first = System.nanoTime();
            for (int t = 1; t < count; t++) {
                tokens[t] = argmax(session.appendLast(new int[] {tokens[t - 1]}));
            }
            long end = System.nanoTime();
            return new TimedGeneration((first - start) / 1e6, count > 1 ? (end - first) / 1e6 / (count - 1) : 0, tokens);
        }
    }

    /** Runs {@code decoder} for {@code count} tokens after {@code prompt} with its settings block {@code options}. */
    static TimedGeneration decoder(Decoder decoder, Settings options, CausalLm lm, int[] prompt, int count) {
        long[] first = {0};
        long start = System.nanoTime();
        int[] tokens = decoder.decode(lm, new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withMaxTokens(count),
                null, options), token -> {
                    if (first[0] == 0) {
                        first[0] = System.nanoTime();
                    }
                    return true;
                }).tokens();
        long end = System.nanoTime();
        int n = tokens.length;
        return new TimedGeneration((first[0] - start) / 1e6, n > 1 ? (end - first[0]) / 1e6 / (n - 1) : 0,
                Arrays.copyOf(tokens, count));
    }

    /** Returns how many leading tokens equal {@code other}'s. */
    int agreeing(TimedGeneration other) {
        int n = 0;
        while (n < tokens.length && n < other.tokens.length && tokens[n] == other.tokens[n]) {
            n++;
        }
        return n;
    }

    /** Returns the time from the prompt's start to the last token: TTFT and every decoding step after it. */
    double totalMillis() {
        return ttftMillis + decodeMillis * Math.max(0, tokens.length - 1);
    }

    /** Returns the generated text up to the first byte that is not printable ASCII. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (int t : tokens) {
            if (t < 32 || t > 126) {
                break;
            }
            text.append((char) t);
        }
        return text.toString();
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
