package dev.polis.core.config;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.polis.api.chat.InferenceOptions;

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
 * @param settings     configuration blocks of the decoder and accelerators, keyed by extension id
 *                     ({@code decoder.self-speculative: {exitLayer: 6}}); empty for none
 */
public record RuntimeConfig(String device, String decoder, List<String> accelerators,
                            Map<String, Map<String, Object>> settings) {

    /** Copies the collections. */
    public RuntimeConfig {
        accelerators = accelerators == null ? List.of() : List.copyOf(accelerators);
        settings = settings == null ? Map.of() : new InferenceOptions(null, null, null, settings).settings();
    }

    /** Creates a block without settings. */
    public RuntimeConfig(String device, String decoder, List<String> accelerators) {
        this(device, decoder, accelerators, Map.of());
    }

    /** Returns a block that sets nothing. */
    public static RuntimeConfig unset() {
        return new RuntimeConfig(null, null, List.of());
    }

    /** Returns these choices as the API's {@link InferenceOptions}, handed to chat model providers. */
    public InferenceOptions toInferenceOptions() {
        return new InferenceOptions(device, decoder, accelerators, settings);
    }

    /** Returns this block with other device, decoder and accelerators, keeping the settings. */
    public RuntimeConfig with(String newDevice, String newDecoder, List<String> newAccelerators) {
        return new RuntimeConfig(newDevice, newDecoder, newAccelerators, settings);
    }

    /** Returns whether any value is set. */
    @JsonIgnore
    public boolean isSet() {
        return device != null || decoder != null || !accelerators.isEmpty() || !settings.isEmpty();
    }
}
