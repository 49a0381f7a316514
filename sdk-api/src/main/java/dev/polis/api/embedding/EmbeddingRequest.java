package dev.polis.api.embedding;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Asks an embedding model for one vector per text.
 *
 * @param texts    the texts to embed, in order; never empty
 * @param kind     whether the texts are documents or queries; never {@code null}
 * @param metadata labels recorded with the call (agent id, phase), never sent to the model
 */
@API(status = API.Status.STABLE, since = "0.1")
public record EmbeddingRequest(List<String> texts, InputKind kind, Map<String, String> metadata) {

    /** Copies the collections and checks that there is at least one text. */
    public EmbeddingRequest {
        texts = List.copyOf(Objects.requireNonNull(texts, "texts"));
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("an embedding request needs at least one text");
        }
        kind = kind == null ? InputKind.DOCUMENT : kind;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Creates a request for documents with no metadata. */
    public static EmbeddingRequest documents(List<String> texts) {
        return new EmbeddingRequest(texts, InputKind.DOCUMENT, Map.of());
    }

    /** Creates a request for one query with no metadata. */
    public static EmbeddingRequest query(String text) {
        return new EmbeddingRequest(List.of(text), InputKind.QUERY, Map.of());
    }
}
