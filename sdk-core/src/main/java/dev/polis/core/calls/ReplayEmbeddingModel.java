package dev.polis.core.calls;

import java.util.ArrayList;
import java.util.List;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;

/**
 * Answers embedding requests from a recording: each request takes the earliest unused recorded call with the same
 * texts and input kind, so calls made in another order (by concurrent agents) still find their vectors; a request
 * that matches no unused call fails with {@link ReplayMismatchException} naming the first text.
 */
final class ReplayEmbeddingModel implements EmbeddingModel {

    private final String spec;
    private final List<EmbeddingCallRecord> unused;

    ReplayEmbeddingModel(String spec, List<EmbeddingCallRecord> records) {
        this.spec = spec;
        this.unused = new ArrayList<>(records);
    }

    @Override
    public synchronized EmbeddingResponse embed(EmbeddingRequest request) {
        for (int i = 0; i < unused.size(); i++) {
            EmbeddingRequest recorded = unused.get(i).embed();
            if (recorded.texts().equals(request.texts()) && recorded.kind() == request.kind()) {
                return unused.remove(i).embedding();
            }
        }
        String first = request.texts().get(0);
        throw new ReplayMismatchException(spec + ": no unused recorded embedding call for " + request.texts().size()
                + " " + request.kind().name().toLowerCase(java.util.Locale.ROOT) + " text(s) starting '"
                + (first.length() > 60 ? first.substring(0, 60) + "..." : first) + "' (" + unused.size()
                + " recorded calls left); the run asked for other texts than the recorded one");
    }

    @Override
    public String spec() {
        return spec;
    }
}
