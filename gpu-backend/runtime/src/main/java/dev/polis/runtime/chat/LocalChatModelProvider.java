package dev.polis.runtime.chat;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import com.google.inject.Inject;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.SettingsFactory;
import dev.polis.api.chat.InferenceOptions;
import org.pf4j.Extension;

/**
 * Provides the {@code local} model: a Hugging Face checkpoint folder run in this process ({@code local:models/tiny}).
 *
 * <p>The device, decoder and accelerators come from the request's inference options, which the host has already
 * completed with the operator's choices ({@code POLIS_DEVICE}, {@code POLIS_DECODER}, {@code POLIS_ACCELERATORS});
 * without a named decoder, requests with a temperature above zero are sampled and the others decoded greedily. The
 * decoder and each accelerator get their block of the options' settings ({@code runtime.settings.<id>}). The spec's
 * one option, {@code date}, sets the date the chat template sees ({@link TemplateDate}; the clock by default).
 */
@Extension
public final class LocalChatModelProvider implements ChatModelProvider {

    /** The provider id, the part of the spec before {@code :}. */
    public static final String ID = "local";

    private final DecoderLookup decoders;
    private final AcceleratorInstaller accelerators;

    /** Creates the provider over the host's decoders and accelerators (injected by the host). */
    @Inject
    public LocalChatModelProvider(Extensions extensions, SettingsFactory settings) {
        this.decoders = new DecoderLookup(extensions, settings);
        this.accelerators = new AcceleratorInstaller(extensions, settings);
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
    public ChatModel create(ModelRequest request) {
        ModelSpec spec = request.spec();
        if (spec.location().isBlank()) {
            throw new InvalidInputException("model spec '" + spec + "' names no folder; write "
                    + "local:<checkpoint folder>, for example local:models/tiny");
        }
        TemplateDate date = TemplateDate.from(spec.options());
        InferenceOptions inference = request.inference();
        Function<GenerationSettings, DecoderChoice> chooser = decoders.chooser(inference);
        chooser.apply(GenerationSettings.DEFAULTS); // an unknown decoder fails before loading
        LocalModel model = LocalModel.open(Path.of(spec.location()), inference.device());
        try {
            accelerators.install(model.lm(), inference);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new LocalChatModel(model, spec.toString(), chooser, date);
    }
}
