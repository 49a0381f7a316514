package dev.polis.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.inference.LmSession;
import org.apiguardian.api.API;

/**
 * A tiny deterministic {@link CausalLm} for decoder tests: after token {@code t} it predicts {@code (t + 1) mod V}.
 *
 * <p>The predicted token's logit exceeds all others by {@link #MARGIN}, so greedy and sampling decoders alike
 * continue a prompt ending in {@code t} with {@code t+1, t+2, ...}, wrapping to {@code 0}, which is the only stop
 * token. Its sessions support {@code crop}, so speculative decoders can be tested too, and it counts open sessions
 * so a test can check that a decoder closes what it opens.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CountingLm implements CausalLm {

    /** The token that ends a generation. */
    public static final int STOP_TOKEN = 0;

    /** How far the predicted token's logit lies above every other logit. */
    public static final float MARGIN = 50f;

    private final int vocabularySize;
    private final AtomicInteger openSessions = new AtomicInteger();

    /** Creates a model over {@code vocabularySize} tokens (at least 2). */
    public CountingLm(int vocabularySize) {
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("vocabularySize must be >= 2 but was " + vocabularySize);
        }
        this.vocabularySize = vocabularySize;
    }

    /** Returns the token this model predicts after {@code token}. */
    public int successor(int token) {
        return (token + 1) % vocabularySize;
    }

    /** Returns how many sessions are open now. */
    public int openSessions() {
        return openSessions.get();
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public Set<Integer> stopTokens() {
        return Set.of(STOP_TOKEN);
    }

    @Override
    public LmSession newSession() {
        openSessions.incrementAndGet();
        return new Session();
    }

    private final class Session implements LmSession {
        private final List<Integer> tokens = new ArrayList<>();
        private boolean closed;

        @Override
        public float[][] append(int[] newTokens) {
            requireOpen();
            float[][] logits = new float[newTokens.length][];
            for (int i = 0; i < newTokens.length; i++) {
                int token = newTokens[i];
                if (token < 0 || token >= vocabularySize) {
                    throw new IllegalArgumentException("token " + token + " is outside the vocabulary [0, " + vocabularySize + ")");
                }
                tokens.add(token);
                float[] row = new float[vocabularySize];
                Arrays.fill(row, 0f);
                row[successor(token)] = MARGIN;
                logits[i] = row;
            }
            return logits;
        }

        @Override
        public int length() {
            requireOpen();
            return tokens.size();
        }

        @Override
        public void crop(int newLength) {
            requireOpen();
            if (newLength < 0 || newLength > tokens.size()) {
                throw new IllegalArgumentException("cannot crop a session of " + tokens.size() + " tokens to " + newLength);
            }
            tokens.subList(newLength, tokens.size()).clear();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                openSessions.decrementAndGet();
            }
        }

        private void requireOpen() {
            if (closed) {
                throw new IllegalStateException("session is closed");
            }
        }
    }
}
