package dev.polis.api.inference;

import org.apiguardian.api.API;

/** Receives tokens as a decoder accepts them; returning {@code false} asks the decoder to stop. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface TokenListener {

    /** Receives the next accepted token; returns whether decoding should go on. */
    boolean onToken(int token);

    /** Returns a listener that ignores tokens and never stops decoding. */
    static TokenListener ignoring() {
        return token -> true;
    }
}
