package dev.polis.openai.cli;

import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.inference.InferenceOptions;
import dev.polis.core.config.OperatorOverrides;
import dev.polis.core.registry.ExtensionRegistry;

/**
 * Turns a model spec into a model, the way the host does: by the {@link ChatModelProvider} (or, for
 * {@code --embedder}, the {@link EmbeddingModelProvider}) its provider part names.
 */
@FunctionalInterface
public interface ModelResolver {

    /**
     * Creates the chat model {@code spec} names.
     *
     * @throws dev.polis.api.InvalidInputException when no provider has the spec's provider id, or the spec is wrong
     */
    ChatModel resolve(ModelSpec spec);

    /**
     * Creates the embedding model {@code spec} names; this default knows none.
     *
     * @throws dev.polis.api.InvalidInputException when no provider has the spec's provider id, or the spec is wrong
     */
    default EmbeddingModel resolveEmbedder(ModelSpec spec) {
        throw new InvalidInputException("cannot resolve the embedding model '" + spec + "': this resolver knows no "
                + "embedding model providers");
    }

    /**
     * Returns a resolver over the providers in {@code registry}, honouring the operator's
     * {@code POLIS_DEVICE}, {@code POLIS_DECODER} and {@code POLIS_ACCELERATORS} choices for chat models.
     */
    static ModelResolver using(ExtensionRegistry registry) {
        InferenceOptions options = OperatorOverrides.of(System.getenv()).inferenceOptions();
        return new ModelResolver() {
            @Override
            public ChatModel resolve(ModelSpec spec) {
                return registry.get(ChatModelProvider.class, spec.provider()).create(spec, options);
            }

            @Override
            public EmbeddingModel resolveEmbedder(ModelSpec spec) {
                return registry.get(EmbeddingModelProvider.class, spec.provider()).create(spec);
            }
        };
    }
}
