package dev.polis.govsim.agent.llm;

import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.core.registry.ExtensionRegistry;

/**
 * Turns the model specs named in the agent's settings (the framework model, the embedder) into models.
 *
 * <p>The host's implementation looks the spec's provider up in the extension registry; tests pass lambdas.
 * Models it returns belong to the caller, which closes them.
 */
public interface ModelResolver {

    /**
     * Returns a chat model for {@code spec}.
     *
     * @throws InvalidInputException when the spec is wrong or its provider unknown
     */
    ChatModel chatModel(String spec);

    /**
     * Returns an embedding model for {@code spec}.
     *
     * @throws InvalidInputException when the spec is wrong or its provider unknown
     */
    EmbeddingModel embeddingModel(String spec);

    /** Returns a resolver over the host's registry of {@link ChatModelProvider}s and {@link EmbeddingModelProvider}s. */
    static ModelResolver using(ExtensionRegistry registry) {
        return new ModelResolver() {
            @Override
            public ChatModel chatModel(String spec) {
                ModelSpec parsed = ModelSpec.parse(spec);
                return registry.find(ChatModelProvider.class, parsed.provider())
                        .orElseThrow(() -> unknown("chat model", parsed, registry.ids(ChatModelProvider.class)))
                        .create(parsed);
            }

            @Override
            public EmbeddingModel embeddingModel(String spec) {
                ModelSpec parsed = ModelSpec.parse(spec);
                return registry.find(EmbeddingModelProvider.class, parsed.provider())
                        .orElseThrow(() -> unknown("embedding model", parsed, registry.ids(EmbeddingModelProvider.class)))
                        .create(parsed);
            }
        };
    }

    /** Returns a resolver that knows no provider, for agents whose settings name no model. */
    static ModelResolver none() {
        return new ModelResolver() {
            @Override
            public ChatModel chatModel(String spec) {
                throw new InvalidInputException("frameworkModel: cannot resolve '" + spec + "' here: no chat model "
                        + "provider is available outside a Polis host");
            }

            @Override
            public EmbeddingModel embeddingModel(String spec) {
                throw new InvalidInputException("embedder: cannot resolve '" + spec + "' here: no embedding model "
                        + "provider is available outside a Polis host; use 'lexical'");
            }
        };
    }

    private static InvalidInputException unknown(String what, ModelSpec spec, java.util.List<String> known) {
        return new InvalidInputException("unknown " + what + " provider '" + spec.provider() + "' in '" + spec + "'"
                + (known.isEmpty() ? "; none is installed" : "; known: " + String.join(", ", known)));
    }
}
