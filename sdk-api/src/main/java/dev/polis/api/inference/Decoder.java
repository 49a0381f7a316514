package dev.polis.api.inference;

import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/** Turns a prompt into generated tokens on a {@link CausalLm}: greedy, sampling, self-speculative. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Decoder extends PolisExtension {

    /** Generates tokens for {@code request}, handing each accepted token to {@code listener}. */
    DecodeResult decode(CausalLm model, DecodeRequest request, TokenListener listener);
}
