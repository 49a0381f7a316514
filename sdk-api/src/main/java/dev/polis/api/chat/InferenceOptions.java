package dev.polis.api.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The inference choices for in-process models: device, decoder, accelerators and their settings.
 *
 * <p>They come from a pipeline's {@code runtime} block or from code; what is left open is filled by the
 * operator's {@code POLIS_DEVICE}, {@code POLIS_DECODER} and {@code POLIS_ACCELERATORS} (see
 * {@link dev.polis.api.host.Models}), then by the runtime's defaults. Providers of remote models ignore them.
 *
 * @param device       where to run, for example {@code cpu} or {@code cuda:0}; {@code null} leaves it open
 * @param decoder      the {@link dev.polis.api.inference.Decoder} id, for example {@code decoder.greedy}; {@code null} leaves it open
 * @param accelerators {@link dev.polis.api.inference.Accelerator} ids in the order they are installed; {@code null} leaves them open,
 *                     an empty list asks for none
 * @param settings     configuration blocks of the decoder and accelerators, keyed by extension id
 *                     ({@code decoder.self-speculative: {exitLayer: 6, draftTokens: 8}}); never {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record InferenceOptions(String device, String decoder, List<String> accelerators,
                               Map<String, Map<String, Object>> settings) {

    /** Options that leave every choice open. */
    public static final InferenceOptions DEFAULTS = new InferenceOptions(null, null, null, Map.of());

    /** Copies the collections; blank device and decoder mean "open". */
    public InferenceOptions {
        device = device == null || device.isBlank() ? null : device.trim();
        decoder = decoder == null || decoder.isBlank() ? null : decoder.trim();
        accelerators = accelerators == null ? null : List.copyOf(accelerators);
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        if (settings != null) {
            settings.forEach((id, block) -> copy.put(id, block == null ? Map.of() : Map.copyOf(block)));
        }
        settings = Map.copyOf(copy);
    }

    /** Creates options without settings blocks. */
    public InferenceOptions(String device, String decoder, List<String> accelerators) {
        this(device, decoder, accelerators, Map.of());
    }

    /** Returns the accelerator ids to install: none when left open. */
    public List<String> acceleratorIds() {
        return accelerators == null ? List.of() : accelerators;
    }

    /** Returns the settings block of extension {@code id}, empty when none was given. */
    public Map<String, Object> settingsOf(String id) {
        return settings.getOrDefault(id, Map.of());
    }

    /**
     * Returns these options with every open choice taken from {@code fallback}; settings blocks given here win
     * over the fallback's block of the same id.
     */
    public InferenceOptions orElse(InferenceOptions fallback) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>(fallback.settings);
        merged.putAll(settings);
        return new InferenceOptions(device != null ? device : fallback.device,
                decoder != null ? decoder : fallback.decoder,
                accelerators != null ? accelerators : fallback.accelerators, merged);
    }
}
