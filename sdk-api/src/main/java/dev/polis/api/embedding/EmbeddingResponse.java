package dev.polis.api.embedding;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An embedding model's answer: one vector per text of the request, in the same order.
 *
 * @param embeddings  the vectors; never {@code null}
 * @param inputTokens tokens read, or 0 when the model cannot count
 * @param model       the model that answered, as its server or runtime names it
 */
@API(status = API.Status.STABLE, since = "0.1")
public record EmbeddingResponse(List<Embedding> embeddings, int inputTokens, String model) {

    /** Copies the list and checks the token count. */
    public EmbeddingResponse {
        embeddings = List.copyOf(Objects.requireNonNull(embeddings, "embeddings"));
        if (inputTokens < 0) {
            throw new IllegalArgumentException("inputTokens must be >= 0 but was " + inputTokens);
        }
        model = model == null ? "" : model;
    }
}
