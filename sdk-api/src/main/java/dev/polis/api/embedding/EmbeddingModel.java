package dev.polis.api.embedding;

import org.apiguardian.api.API;

/**
 * Turns texts into vectors whose cosine says how close their meanings are: an embeddings endpoint, an
 * in-process encoder, or a replay.
 *
 * <p>Implementations are thread-safe and return exactly one {@link Embedding} per text, in order, all of
 * the same dimension.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface EmbeddingModel extends AutoCloseable {

    /** Embeds the texts of {@code request}. */
    EmbeddingResponse embed(EmbeddingRequest request);

    /** Returns the spec this model was created from ({@code openai:http://...#mxbai-embed-large}), for records. */
    default String spec() {
        return getClass().getSimpleName();
    }

    /** Releases connections or native memory; the default holds nothing. */
    @Override
    default void close() {
    }
}
