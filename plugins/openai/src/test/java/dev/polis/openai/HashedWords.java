package dev.polis.openai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;

/**
 * A deterministic embedding model for tests: a hashed bag of words (each lower-cased word adds 1 to the component
 * its hash picks), one input token per word; it remembers the requests it saw.
 */
public final class HashedWords implements EmbeddingModel {

    /** The number of components. */
    public static final int DIMENSIONS = 64;

    private final List<EmbeddingRequest> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        seen.add(request);
        int tokens = 0;
        List<Embedding> embeddings = new ArrayList<>();
        for (String text : request.texts()) {
            List<String> words = words(text);
            tokens += words.size();
            embeddings.add(vector(words));
        }
        return new EmbeddingResponse(embeddings, tokens, "hashed-words");
    }

    /** Returns the vector of one text, as {@link #embed} computes it. */
    public static Embedding of(String text) {
        return vector(words(text));
    }

    /** Returns the requests seen so far, in order. */
    public List<EmbeddingRequest> seen() {
        return List.copyOf(seen);
    }

    private static Embedding vector(List<String> words) {
        float[] vector = new float[DIMENSIONS];
        vector[0] = 0.5f; // so that an empty text still has a non-zero vector
        for (String word : words) {
            vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
        }
        return new Embedding(vector);
    }

    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty()).toList();
    }
}
