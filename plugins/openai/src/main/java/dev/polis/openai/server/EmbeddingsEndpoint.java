package dev.polis.openai.server;

import java.io.IOException;
import com.sun.net.httpserver.HttpExchange;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireEmbeddingRequest;
import dev.polis.openai.wire.WireEmbeddings;

/** Answers {@code POST /v1/embeddings} with the served embedding model; the texts are embedded as documents. */
final class EmbeddingsEndpoint {

    private final EmbeddingModel model;
    private final String modelName;
    private final long maxBodyBytes;

    EmbeddingsEndpoint(EmbeddingModel model, String modelName, long maxBodyBytes) {
        this.model = model;
        this.modelName = modelName;
        this.maxBodyBytes = maxBodyBytes;
    }

    String modelName() {
        return modelName;
    }

    void handle(HttpExchange exchange) throws IOException {
        WireEmbeddingRequest request = RequestBodies.readJson(exchange, maxBodyBytes, WireEmbeddings::fromJson);
        if (!request.model().equals(modelName)) {
            throw new ApiErrorException(new ApiError(404, "the embedding model '" + request.model()
                    + "' does not exist on this server; it serves '" + modelName + "'", "invalid_request_error",
                    "model_not_found", "model"));
        }
        EmbeddingResponse response;
        try {
            response = model.embed(EmbeddingRequest.documents(request.texts()));
        } catch (RuntimeException e) {
            throw ModelFailures.of(e);
        }
        if (response.embeddings().size() != request.texts().size()) {
            throw ModelFailures.of(new IllegalStateException("it returned " + response.embeddings().size()
                    + " vectors for " + request.texts().size() + " texts"));
        }
        Exchanges.sendJson(exchange, 200, WireEmbeddings.response(response, modelName, request.base64()));
    }
}
