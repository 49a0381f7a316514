package dev.polis.govsim.agent.llm;

import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.host.Models;
import dev.polis.api.run.RunContext;
import java.util.Objects;

/**
 * Turns the model specs named in the agent's settings (the framework model, the embedder) into models for a run.
 *
 * <p>The host's implementation, {@link #using(Models)}, goes through the host's {@link Models}: the operator's
 * inference choices ({@code POLIS_DEVICE}, {@code POLIS_DECODER}, {@code POLIS_ACCELERATORS}) apply, and every call
 * is recorded in the run folder's {@code calls.jsonl}. Tests pass their own. Models it returns belong to the
 * caller, which closes them.
 */
public interface ModelResolver {

    /**
     * Returns a chat model for {@code spec}, serving run {@code run}.
     *
     * @throws InvalidInputException when the spec is wrong or its provider unknown
     */
    ChatModel chatModel(String spec, RunContext run);

    /**
     * Returns an embedding model for {@code spec}, serving run {@code run}.
     *
     * @throws InvalidInputException when the spec is wrong or its provider unknown
     */
    EmbeddingModel embeddingModel(String spec, RunContext run);

    /** Returns a resolver over the host's {@link Models}, recording calls in the folder of the run they serve. */
    static ModelResolver using(Models models) {
        Objects.requireNonNull(models, "models");
        return new ModelResolver() {
            @Override
            public ChatModel chatModel(String spec, RunContext run) {
                return models.chat(ModelRequest.of(spec).inRun(run));
            }

            @Override
            public EmbeddingModel embeddingModel(String spec, RunContext run) {
                return models.embedding(ModelRequest.of(spec).inRun(run));
            }
        };
    }

    /** Returns a resolver that knows no provider, for agents whose settings name no model. */
    static ModelResolver none() {
        return new ModelResolver() {
            @Override
            public ChatModel chatModel(String spec, RunContext run) {
                throw new InvalidInputException("frameworkModel: cannot resolve '" + spec + "' here: no chat model "
                        + "provider is available outside a Polis host");
            }

            @Override
            public EmbeddingModel embeddingModel(String spec, RunContext run) {
                throw new InvalidInputException("embedder: cannot resolve '" + spec + "' here: no embedding model "
                        + "provider is available outside a Polis host; use 'lexical'");
            }
        };
    }
}
