package dev.polis.runtime.chat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import com.google.inject.Inject;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.InferenceOptions;
import dev.polis.core.config.JacksonSettings;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.runtime.model.TransformerLm;
import org.pf4j.Extension;

/**
 * Provides the {@code local} model: a Hugging Face checkpoint folder run in this process ({@code local:models/tiny}).
 *
 * <p>The device, decoder and accelerators come from the inference options ({@code POLIS_DEVICE},
 * {@code POLIS_DECODER}, {@code POLIS_ACCELERATORS}); without a named decoder, requests with a temperature above zero
 * are sampled and the others decoded greedily. An accelerator's settings are the spec option named by its id.
 */
@Extension
public final class LocalChatModelProvider implements ChatModelProvider {

    /** The provider id, the part of the spec before {@code :}. */
    public static final String ID = "local";

    private final DecoderLookup decoders;
    private final ExtensionRegistry registry;

    /** Creates the provider over the host's extensions (injected by the host). */
    @Inject
    public LocalChatModelProvider(ExtensionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.decoders = DecoderLookup.using(registry);
    }

    /** Creates a provider that knows only this plugin's decoders and no accelerator, for use without a host. */
    public LocalChatModelProvider() {
        this.registry = null;
        this.decoders = DecoderLookup.builtIn();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Hugging Face checkpoints run in process on DJL's PyTorch engine (CPU or CUDA)";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("streaming", "in-process");
    }

    @Override
    public ChatModel create(ModelSpec spec) {
        return create(spec, new InferenceOptions(null, System.getenv("POLIS_DECODER"), List.of()));
    }

    @Override
    public ChatModel create(ModelSpec spec, InferenceOptions options) {
        if (spec.location().isBlank()) {
            throw new InvalidInputException("model spec '" + spec + "' names no folder; write local:<checkpoint folder>, "
                    + "for example local:models/tiny");
        }
        InferenceOptions inference = options == null ? InferenceOptions.DEFAULTS : options;
        decoders.choose(inference.decoder(), GenerationSettings.DEFAULTS); // an unknown decoder fails before loading
        LocalModel model = LocalModel.open(Path.of(spec.location()), inference.device());
        try {
            installAccelerators(model, spec, inference.accelerators());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new LocalChatModel(model, spec.toString(), settings -> decoders.choose(inference.decoder(), settings));
    }

    private void installAccelerators(LocalModel model, ModelSpec spec, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (registry == null || !(model.lm() instanceof TransformerLm lm)) {
            throw new InvalidInputException("accelerators " + ids + " were requested, but accelerators are installed "
                    + "only inside the Polis host (they come from plugins)");
        }
        for (String id : ids) {
            Object block = spec.options().get(id);
            Map<String, ?> values = block instanceof Map<?, ?> map ? castKeys(map) : Map.of();
            lm.install(registry.get(Accelerator.class, id), JacksonSettings.of(values, id));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castKeys(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
