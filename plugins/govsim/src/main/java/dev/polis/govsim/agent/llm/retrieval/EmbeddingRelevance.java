package dev.polis.govsim.agent.llm.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import dev.polis.api.PolisException;
import dev.polis.api.embedding.Embedding;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.embedding.InputKind;

/**
 * Relevance by meaning: the cosine of embeddings from an {@link EmbeddingModel}.
 *
 * <p>Memory texts are embedded once, as documents, and cached; each query is embedded as a query (so a model
 * with an asymmetric query prefix gets it from its provider). Texts not yet cached go in one request. A blank
 * query scores 0 without a call.
 */
public final class EmbeddingRelevance implements Relevance {

    private final EmbeddingModel model;
    private final Map<String, String> metadata;
    private final Map<String, Embedding> documents = new ConcurrentHashMap<>();

    /** Creates a relevance over {@code model}; {@code metadata} labels its calls in the records. */
    public EmbeddingRelevance(EmbeddingModel model, Map<String, String> metadata) {
        this.model = Objects.requireNonNull(model, "model");
        this.metadata = Map.copyOf(metadata);
    }

    @Override
    public double[] score(String query, List<String> texts) {
        double[] scores = new double[texts.size()];
        if (query == null || query.isBlank() || texts.isEmpty()) {
            return scores;
        }
        embedMissing(texts);
        Embedding q = single(model.embed(new EmbeddingRequest(List.of(query), InputKind.QUERY, metadata)), 1);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = q.cosine(documents.get(texts.get(i)));
        }
        return scores;
    }

    private void embedMissing(List<String> texts) {
        List<String> missing = new ArrayList<>(texts.stream().filter(t -> !documents.containsKey(t)).distinct().toList());
        if (missing.isEmpty()) {
            return;
        }
        EmbeddingResponse response = model.embed(new EmbeddingRequest(missing, InputKind.DOCUMENT, metadata));
        check(response, missing.size());
        for (int i = 0; i < missing.size(); i++) {
            documents.put(missing.get(i), response.embeddings().get(i));
        }
    }

    private Embedding single(EmbeddingResponse response, int expected) {
        check(response, expected);
        return response.embeddings().getFirst();
    }

    private void check(EmbeddingResponse response, int expected) {
        if (response.embeddings().size() != expected) {
            throw new PolisException("embedding model '" + model.spec() + "' returned " + response.embeddings().size()
                    + " vectors for " + expected + " texts");
        }
    }
}
