package dev.polis.runtime.chat;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.Decoder;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.decode.SamplingDecoder;

/**
 * Finds the {@link Decoder} a generation uses: the one named in the inference options, else greedy decoding, or
 * sampling when the request asks for a temperature above zero.
 *
 * <p>Inside the host, decoders come from the extension registry, so other plugins' decoders (self-speculative, ...)
 * can be named; without a host only this plugin's two are known.
 */
public final class DecoderLookup {

    private final Function<String, Decoder> byId;

    private DecoderLookup(Function<String, Decoder> byId) {
        this.byId = byId;
    }

    /** Returns a lookup over every decoder the host knows. */
    public static DecoderLookup using(ExtensionRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return new DecoderLookup(id -> registry.get(Decoder.class, id));
    }

    /** Returns a lookup over this plugin's decoders only, for use without a host. */
    public static DecoderLookup builtIn() {
        Map<String, Decoder> decoders = Map.of(GreedyDecoder.ID, new GreedyDecoder(), SamplingDecoder.ID,
                new SamplingDecoder());
        return new DecoderLookup(id -> {
            Decoder decoder = decoders.get(id);
            if (decoder == null) {
                throw new InvalidInputException("unknown Decoder '" + id + "'; known: " + GreedyDecoder.ID + ", "
                        + SamplingDecoder.ID);
            }
            return decoder;
        });
    }

    /**
     * Returns the decoder named {@code configured}, or, when that is {@code null} or blank, the default for
     * {@code settings}.
     *
     * @throws InvalidInputException when no decoder has the configured id
     */
    public Decoder choose(String configured, GenerationSettings settings) {
        if (configured != null && !configured.isBlank()) {
            return byId.apply(configured.trim());
        }
        boolean sampling = settings.temperature() != null && settings.temperature() > 0;
        return byId.apply(sampling ? SamplingDecoder.ID : GreedyDecoder.ID);
    }
}
