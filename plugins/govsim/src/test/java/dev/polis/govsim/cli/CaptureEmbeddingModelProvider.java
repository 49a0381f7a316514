package dev.polis.govsim.cli;

import dev.polis.api.chat.ModelRequest;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.api.embedding.EmbeddingResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pf4j.Extension;

/**
 * A test provider, {@code capture:<anything>} for embedders, found by the host on the test class path: it keeps every
 * request it gets and embeds a text as (its length, its count of 'a', 1).
 */
@Extension
public final class CaptureEmbeddingModelProvider implements EmbeddingModelProvider {

    /** Every request any instance received, oldest first. */
    static final List<ModelRequest> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "capture";
    }

    @Override
    public EmbeddingModel create(ModelRequest request) {
        REQUESTS.add(request);
        return embedding -> new EmbeddingResponse(embedding.texts().stream()
                .map(t -> new Embedding(new float[] {t.length(), t.chars().filter(c -> c == 'a').count(), 1f}))
                .toList(), 0, "captured");
    }
}
