package dev.polis.api.inference;

import java.util.Map;
import dev.polis.api.chat.FinishReason;
import org.apiguardian.api.API;

/**
 * What a decoder produced.
 *
 * @param tokens       the generated token ids (without the prompt)
 * @param finishReason why decoding stopped
 * @param metrics      decoder-specific figures (acceptance rate, tokens per round, ...)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DecodeResult(int[] tokens, FinishReason finishReason, Map<String, Double> metrics) {

    /** Copies the components. */
    public DecodeResult {
        tokens = tokens.clone();
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** Returns a copy of the generated tokens. */
    @Override
    public int[] tokens() {
        return tokens.clone();
    }
}
