package dev.polis.runtime.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.InferenceOptions;

/**
 * The inference flags of {@code polis generate} and {@code polis bench} over the operator's choices: a flag wins,
 * then the operator's choice ({@code POLIS_DEVICE}, {@code POLIS_DECODER}, {@code POLIS_ACCELERATORS}), then the
 * runtime's default.
 */
final class InferenceFlags {

    private InferenceFlags() {
    }

    /**
     * Returns the inference options of {@code --device}, {@code --decoder} and {@code --decoder-option} over
     * {@code operator}; the decoder options become the chosen decoder's settings block.
     *
     * @throws InvalidInputException when decoder options are given but no decoder is named
     */
    static InferenceOptions resolve(String device, String decoder, Map<String, String> decoderOptions,
                                    InferenceOptions operator) {
        InferenceOptions inference = new InferenceOptions(device, decoder, null).orElse(operator);
        if (decoderOptions.isEmpty()) {
            return inference;
        }
        if (inference.decoder() == null) {
            throw new InvalidInputException("--decoder-option: no decoder is named to take " + decoderOptions.keySet()
                    + "; add --decoder (or set POLIS_DECODER), for example --decoder decoder.self-speculative "
                    + "--decoder-option exitLayer=6");
        }
        Map<String, Object> block = new LinkedHashMap<>(inference.settingsOf(inference.decoder()));
        block.putAll(OptionValues.parse(decoderOptions));
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>(inference.settings());
        settings.put(inference.decoder(), block);
        return new InferenceOptions(inference.device(), inference.decoder(), inference.accelerators(), settings);
    }
}
