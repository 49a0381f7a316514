package dev.polis.openai.client;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireFormatException;
import dev.polis.openai.wire.WireRequests;
import dev.polis.openai.wire.WireResponses;

/**
 * A {@link ChatModel} served by an OpenAI-compatible {@code /chat/completions} endpoint.
 *
 * <p>Calls go through an {@link EndpointClient}, which sets the retry, concurrency, cancellation and error rules;
 * on top of them, a stream that has already handed text to its listener is not retried. Failures are
 * {@link PolisException}s whose message names the endpoint, the model, the cause and the number of attempts;
 * the API key never appears in them.
 */
public final class OpenAiChatModel implements ChatModel {

    private final OpenAiOptions options;
    private final EndpointClient client;

    /**
     * Creates a client.
     *
     * @param apiKey  the key sent as a bearer token, or {@code null} for a server without one
     * @param permits the endpoint's concurrency limit, shared by the models of one base URL
     */
    public OpenAiChatModel(OpenAiOptions options, String apiKey, Semaphore permits) {
        this(options, apiKey, permits, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    OpenAiChatModel(OpenAiOptions options, String apiKey, Semaphore permits, DoubleSupplier random, Clock clock) {
        this.options = options;
        this.client = new EndpointClient("openai", "/chat/completions", options.endpoint(), apiKey, permits, random,
                clock);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return client.post(json(request, false), "application/json", this::readCompletion);
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        ChatResponse response;
        try {
            response = client.post(json(request, true), "text/event-stream", lines -> readStream(lines, listener));
        } catch (RuntimeException e) {
            listener.onError(e);
            throw e;
        }
        listener.onComplete(response);
        return response;
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

    private ChatResponse readCompletion(ResponseLines lines) throws AttemptFailure, InterruptedException,
            TimeoutException, IOException {
        JsonNode body = JsonBodies.read(lines, options.endpoint().readTimeout());
        try {
            return WireResponses.parseCompletion(body, options.endpoint().model());
        } catch (WireFormatException e) {
            throw new AttemptFailure("the server's answer is not a chat completion: " + e.getMessage()
                    + "; body starts: " + Texts.excerpt(body.toString(), 120), false, null, e);
        }
    }

    /** Reads a stream, handing each piece to {@code listener}; once a piece is handed out, failures are final. */
    private ChatResponse readStream(ResponseLines lines, ChatStreamListener listener) throws AttemptFailure,
            InterruptedException {
        SseEvents events = new SseEvents();
        StreamAccumulator stream = new StreamAccumulator(options.endpoint().model());
        int delivered = 0;
        try {
            while (true) {
                String line = lines.nextLine(options.endpoint().readTimeout());
                String data = line == null ? events.flush() : events.accept(line);
                if (data != null) {
                    if (data.strip().equals("[DONE]")) {
                        return stream.response();
                    }
                    JsonNode chunk = JsonBodies.parse(data, "a streamed event is not JSON");
                    String error = ApiError.messageOf(chunk);
                    if (error != null) {
                        throw new AttemptFailure("the server reported an error during the stream: " + error, false,
                                null, null);
                    }
                    delivered += stream.accept(chunk, listener);
                }
                if (line == null) {
                    if (stream.finished()) {
                        return stream.response();
                    }
                    String unfinished = stream.unfinishedToolCall();
                    throw new AttemptFailure("the stream ended " + (unfinished.isEmpty() ? "" : unfinished + ", ")
                            + "after " + stream.pieces() + " pieces without a finish_reason or [DONE]", true, null,
                            null);
                }
            }
        } catch (TimeoutException e) {
            throw finalOnceDelivered(new AttemptFailure(e.getMessage() + " in the stream after " + stream.pieces()
                    + " pieces", true, null, e), delivered);
        } catch (IOException e) {
            throw finalOnceDelivered(new AttemptFailure(HttpFailures.describe(e, options.endpoint())
                    + " in the stream after " + stream.pieces() + " pieces", true, null, e), delivered);
        } catch (AttemptFailure failure) {
            throw finalOnceDelivered(failure, delivered);
        }
    }

    private static AttemptFailure finalOnceDelivered(AttemptFailure failure, int delivered) {
        return delivered > 0 ? failure.notRetryable() : failure;
    }

    private JsonNode json(ChatRequest request, boolean stream) {
        return WireRequests.toJson(request, options.endpoint().model(), stream, options.streamUsage(),
                options.developerRole());
    }
}
