package dev.polis.runtime.chat;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.host.ExtensionChoice;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.LoadedExtension;
import dev.polis.api.host.SettingsFactory;
import dev.polis.api.inference.Decoder;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.runtime.decode.GreedyDecoder;
import dev.polis.runtime.decode.SamplingDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link Decoder} a generation uses, through the host's extensions: the one the inference options name,
 * else {@code decoder.greedy}, or {@code decoder.sampling} when the request asks for a temperature above zero.
 *
 * <p>The decoder gets its settings block {@code runtime.settings.<decoder id>} from the inference options. Each choice
 * is logged at debug level with its reason, so {@code polis --verbose} shows why a decoder ran.
 */
public final class DecoderLookup {

    private static final Logger LOG = LoggerFactory.getLogger(DecoderLookup.class);

    private final Extensions extensions;
    private final SettingsFactory settings;

    /** Creates a lookup over the host's decoders, making their settings with {@code settings}. */
    public DecoderLookup(Extensions extensions, SettingsFactory settings) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Returns the decoder {@code inference} names or, when it names none, the default for {@code generation}, with
     * its settings block.
     *
     * @throws dev.polis.api.host.UnknownExtensionException when no decoder has the named id; the message lists the
     *                                                      known ones
     */
    public DecoderChoice choose(InferenceOptions inference, GenerationSettings generation) {
        boolean named = inference.decoder() != null;
        String id = named ? inference.decoder() : sampling(generation) ? SamplingDecoder.ID : GreedyDecoder.ID;
        ExtensionChoice<Decoder> choice = extensions.choose(Decoder.class, id);
        String reason = named ? choice.reason()
                : "no decoder was named (runtime.decoder, --decoder, POLIS_DECODER), so '" + id + "', the default at "
                        + (sampling(generation) ? "a temperature above 0" : "temperature 0")
                        + "; installed: " + String.join(", ", choice.candidates().stream()
                        .map(LoadedExtension::id).distinct().toList());
        String chosenId = choice.chosen().id();
        DecoderChoice chosen = new DecoderChoice(choice.chosen().instance(),
                settings.of(inference.settingsOf(chosenId), "runtime.settings." + chosenId), reason);
        LOG.debug("decoder {} (from plugin {}): {}", chosenId, choice.chosen().pluginId(), reason);
        return chosen;
    }

    /**
     * Returns a chooser for one model's requests: it chooses as {@link #choose} does, once per kind of request
     * (greedy or sampled), so a long run logs each choice once.
     */
    public Function<GenerationSettings, DecoderChoice> chooser(InferenceOptions inference) {
        Objects.requireNonNull(inference, "inference");
        Map<Boolean, DecoderChoice> chosen = new ConcurrentHashMap<>();
        return generation -> chosen.computeIfAbsent(inference.decoder() == null && sampling(generation),
                kind -> choose(inference, generation));
    }

    private static boolean sampling(GenerationSettings generation) {
        return generation.temperature() != null && generation.temperature() > 0;
    }
}
