package dev.polis.openai.wire;

import java.util.List;

/**
 * An embeddings request as a server received it.
 *
 * @param model  the model the client asked for
 * @param texts  the texts to embed, in order; never empty
 * @param base64 whether the client asked for {@code encoding_format: base64} rather than arrays of floats
 */
public record WireEmbeddingRequest(String model, List<String> texts, boolean base64) {

    /** Copies the texts. */
    public WireEmbeddingRequest {
        texts = List.copyOf(texts);
    }
}
