package dev.polis.api.inference;

import org.apiguardian.api.API;

/**
 * Limits which tokens a decoder may choose at each step, for example to the tokens that keep the output valid JSON
 * for a schema (constrained decoding). Decoders that honour {@link DecodeRequest#constraint()} start one
 * {@link Cursor} per generation, mask every row of logits they choose from with it, and tell it each token they keep.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface TokenConstraint {

    /** Starts a fresh generation: a cursor at the beginning of the output. */
    Cursor start();

    /**
     * Where one generation stands in the constraint. Not thread-safe: one decoder drives one cursor.
     */
    interface Cursor {

        /**
         * Sets to negative infinity, in place, the logit of every token not allowed after the tokens accepted so far;
         * stop tokens are allowed only where the output is complete. At least one token always stays allowed.
         */
        void mask(float[] logits);

        /** Accepts {@code token} as the next output token; returns {@code false}, changing nothing, when not allowed. */
        boolean accept(int token);

        /** Returns how many tokens have been accepted. */
        int length();

        /** Forgets the tokens accepted from position {@code length} on (a speculative decoder's rejected drafts). */
        void rewind(int length);

        /** Returns whether the output so far is complete (a stop token may follow). */
        boolean complete();
    }
}
