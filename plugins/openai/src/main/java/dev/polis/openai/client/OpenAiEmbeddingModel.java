package dev.polis.openai.client;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.PolisException;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.embedding.EmbeddingRequest;
import dev.polis.api.embedding.EmbeddingResponse;
import dev.polis.api.embedding.InputKind;
import dev.polis.openai.wire.WireEmbeddings;
import dev.polis.openai.wire.WireFormatException;

/**
 * An {@link EmbeddingModel} served by an OpenAI-compatible {@code /embeddings} endpoint.
 *
 * <p>All texts of a request go in one {@code POST <base url>/embeddings}; the answer's vectors are put back in
 * the order of their {@code index}, and its {@code usage.prompt_tokens} is the input token count. Texts of a
 * {@link InputKind#QUERY} request get the configured {@code queryPrefix} first. Retries, concurrency limits,
 * cancellation and errors follow the {@link EndpointClient} rules: failures are {@link PolisException}s whose
 * message names the endpoint, the model, the cause and the number of attempts, never the API key.
 */
public final class OpenAiEmbeddingModel implements EmbeddingModel {

    private final EmbeddingOptions options;
    private final EndpointClient client;

    /**
     * Creates a client.
     *
     * @param apiKey  the key sent as a bearer token, or {@code null} for a server without one
     * @param permits the endpoint's concurrency limit, shared by the models of one base URL
     */
    public OpenAiEmbeddingModel(EmbeddingOptions options, String apiKey, Semaphore permits) {
        this(options, apiKey, permits, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    OpenAiEmbeddingModel(EmbeddingOptions options, String apiKey, Semaphore permits, DoubleSupplier random,
                         Clock clock) {
        this.options = options;
        this.client = new EndpointClient("openai embeddings", "/embeddings", options.endpoint(), apiKey, permits,
                random, clock);
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        List<String> texts = request.kind() == InputKind.QUERY && !options.queryPrefix().isEmpty()
                ? request.texts().stream().map(text -> options.queryPrefix() + text).toList()
                : request.texts();
        return client.post(WireEmbeddings.toJson(texts, options.endpoint().model()), "application/json",
                lines -> read(lines, texts.size()));
    }

    @Override
    public String spec() {
        return "openai:" + options.endpoint().baseUrl() + "#" + options.endpoint().model();
    }

    /** Cancels the calls in flight and releases the connections; later calls fail. Closing twice does nothing. */
    @Override
    public void close() {
        client.close();
    }

    private EmbeddingResponse read(ResponseLines lines, int expected) throws AttemptFailure, InterruptedException,
            TimeoutException, IOException {
        JsonNode body = JsonBodies.read(lines, options.endpoint().readTimeout());
        try {
            return WireEmbeddings.parseResponse(body, expected, options.endpoint().model());
        } catch (WireFormatException e) {
            throw new AttemptFailure("the server's answer is not an embeddings list: " + e.getMessage()
                    + "; body starts: " + Texts.excerpt(body.toString(), 120), false, null, e);
        }
    }
}
