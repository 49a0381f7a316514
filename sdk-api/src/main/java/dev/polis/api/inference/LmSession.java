package dev.polis.api.inference;

import org.apiguardian.api.API;

/**
 * One sequence being decoded on a {@link CausalLm}, with its key-value cache.
 *
 * <p>Not thread-safe: one decoder drives one session. Close it to free the cache.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface LmSession extends AutoCloseable {

    /**
     * Appends {@code tokens} to the sequence and returns the next-token logits after each of them.
     *
     * @return one row of {@link CausalLm#vocabularySize()} logits per appended token
     */
    float[][] append(int[] tokens);

    /**
     * Appends {@code tokens} and returns only the next-token logits after the last of them.
     *
     * <p>This is what decoding needs after a prompt; runtimes override it to skip computing (and copying)
     * the other rows, which for a long prompt are most of the work, and to apply prefill strategies.
     */
    default float[] appendLast(int[] tokens) {
        float[][] rows = append(tokens);
        return rows[rows.length - 1];
    }

    /** Returns how many tokens the cache holds. */
    int length();

    /** Forgets every token from position {@code newLength} on, so decoding can resume from there. */
    void crop(int newLength);

    /** Frees the cache. */
    @Override
    void close();
}
