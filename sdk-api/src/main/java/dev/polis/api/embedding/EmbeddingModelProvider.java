package dev.polis.api.embedding;

import dev.polis.api.PolisExtension;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import org.apiguardian.api.API;

/**
 * Turns a {@link ModelSpec} into an {@link EmbeddingModel}; its {@link #id()} is the provider part of the spec.
 *
 * <p>For example an {@code openai} provider turns {@code openai:http://127.0.0.1:11434/v1#mxbai-embed-large}
 * into a client of that server's {@code /embeddings} endpoint. Specs use the same
 * {@code provider:location#model} form as chat models.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface EmbeddingModelProvider extends PolisExtension {

    /**
     * Creates an embedding model for {@code request}; providers of remote models ignore its inference choices.
     *
     * @throws dev.polis.api.InvalidInputException when the spec's location or options are wrong
     */
    EmbeddingModel create(ModelRequest request);
}
