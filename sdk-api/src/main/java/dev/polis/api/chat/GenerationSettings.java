package dev.polis.api.chat;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Controls how a model generates: sampling parameters, length, stop sequences and seed.
 *
 * <p>A {@code null} component means "the model's default". Use {@link #DEFAULTS} and the {@code with...}
 * methods to build one.
 *
 * @param temperature sampling temperature; 0 means greedy
 * @param topP        nucleus sampling mass in (0, 1]
 * @param topK        sample among the k most likely tokens
 * @param maxTokens   most tokens to generate
 * @param stop        sequences that end generation (not included in the output); never {@code null}
 * @param seed        seed for sampling, for reproducible runs
 */
@API(status = API.Status.STABLE, since = "0.1")
public record GenerationSettings(Double temperature, Double topP, Integer topK, Integer maxTokens,
                                 List<String> stop, Long seed) {

    /** Settings that leave every choice to the model. */
    public static final GenerationSettings DEFAULTS = new GenerationSettings(null, null, null, null, List.of(), null);

    /** Copies the stop list and checks ranges. */
    public GenerationSettings {
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (temperature != null && temperature < 0) {
            throw new IllegalArgumentException("temperature must be >= 0 but was " + temperature);
        }
        if (topP != null && (topP <= 0 || topP > 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1] but was " + topP);
        }
        if (topK != null && topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1 but was " + topK);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1 but was " + maxTokens);
        }
    }

    /** Returns a copy with the given temperature. */
    public GenerationSettings withTemperature(double value) {
        return new GenerationSettings(value, topP, topK, maxTokens, stop, seed);
    }

    /** Returns a copy with the given top-p. */
    public GenerationSettings withTopP(double value) {
        return new GenerationSettings(temperature, value, topK, maxTokens, stop, seed);
    }

    /** Returns a copy with the given top-k. */
    public GenerationSettings withTopK(int value) {
        return new GenerationSettings(temperature, topP, value, maxTokens, stop, seed);
    }

    /** Returns a copy with the given token limit. */
    public GenerationSettings withMaxTokens(int value) {
        return new GenerationSettings(temperature, topP, topK, value, stop, seed);
    }

    /** Returns a copy with the given stop sequences. */
    public GenerationSettings withStop(List<String> value) {
        return new GenerationSettings(temperature, topP, topK, maxTokens, value, seed);
    }

    /** Returns a copy with the given seed. */
    public GenerationSettings withSeed(long value) {
        return new GenerationSettings(temperature, topP, topK, maxTokens, stop, value);
    }
}
