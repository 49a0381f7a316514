package dev.polis.openai.cli;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.inference.InferenceOptions;
import dev.polis.core.config.OperatorOverrides;
import dev.polis.core.registry.ExtensionRegistry;

/** Turns a model spec into a model, the way the host does: by the {@link ChatModelProvider} its provider part names. */
@FunctionalInterface
public interface ModelResolver {

    /**
     * Creates the model {@code spec} names.
     *
     * @throws dev.polis.api.InvalidInputException when no provider has the spec's provider id, or the spec is wrong
     */
    ChatModel resolve(ModelSpec spec);

    /**
     * Returns a resolver over the providers in {@code registry}, honouring the operator's
     * {@code POLIS_DEVICE}, {@code POLIS_DECODER} and {@code POLIS_ACCELERATORS} choices.
     */
    static ModelResolver using(ExtensionRegistry registry) {
        InferenceOptions options = OperatorOverrides.of(System.getenv()).inferenceOptions();
        return spec -> registry.get(ChatModelProvider.class, spec.provider()).create(spec, options);
    }
}
