package dev.polis.core.config;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.polis.api.inference.InferenceOptions;

/**
 * Holds the inference choices an operator swaps without touching code: device, decoder and accelerators.
 *
 * <p>{@code POLIS_DEVICE}, {@code POLIS_DECODER} and {@code POLIS_ACCELERATORS} (and the system properties
 * {@code polis.device}, {@code polis.decoder}, {@code polis.accelerators}) override these values; see
 * {@link OperatorOverrides}.
 *
 * @param device       where models run, for example {@code cpu} or {@code cuda:0}; {@code null} for the default
 * @param decoder      the decoder id, for example {@code decoder.greedy}; {@code null} for the default
 * @param accelerators accelerator ids in the order they are installed; empty for none
 */
public record RuntimeConfig(String device, String decoder, List<String> accelerators) {

    /** Copies the list. */
    public RuntimeConfig {
        accelerators = accelerators == null ? List.of() : List.copyOf(accelerators);
    }

    /** Returns a block that sets nothing. */
    public static RuntimeConfig unset() {
        return new RuntimeConfig(null, null, List.of());
    }

    /** Returns these choices as the API's {@link InferenceOptions}, handed to chat model providers. */
    public InferenceOptions toInferenceOptions() {
        return new InferenceOptions(device, decoder, accelerators);
    }

    /** Returns whether any value is set. */
    @JsonIgnore
    public boolean isSet() {
        return device != null || decoder != null || !accelerators.isEmpty();
    }
}
