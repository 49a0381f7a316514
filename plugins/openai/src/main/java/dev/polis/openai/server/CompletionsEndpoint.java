package dev.polis.openai.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import com.sun.net.httpserver.HttpExchange;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.ToolCallFragment;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireRequest;
import dev.polis.openai.wire.WireRequests;
import dev.polis.openai.wire.WireResponses;

/** Answers {@code POST /v1/chat/completions}, streamed or not, with the served model. */
final class CompletionsEndpoint {

    private final ChatModel model;
    private final String modelName;
    private final long maxBodyBytes;
    private final AtomicLong ids = new AtomicLong();

    CompletionsEndpoint(ChatModel model, String modelName, long maxBodyBytes) {
        this.model = model;
        this.modelName = modelName;
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(HttpExchange exchange) throws IOException {
        WireRequest request = RequestBodies.readJson(exchange, maxBodyBytes, WireRequests::fromJson);
        if (!request.model().equals(modelName)) {
            throw new ApiErrorException(new ApiError(404, "the model '" + request.model()
                    + "' does not exist on this server; it serves '" + modelName + "'", "invalid_request_error",
                    "model_not_found", "model"));
        }
        String id = "chatcmpl-polis-" + ids.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        if (request.stream()) {
            stream(exchange, request, id, created);
        } else {
            ChatResponse response;
            try {
                response = model.chat(request.request());
            } catch (RuntimeException e) {
                throw ModelFailures.of(e);
            }
            Exchanges.sendJson(exchange, 200, WireResponses.completion(response, id, created, modelName));
        }
    }

    private void stream(HttpExchange exchange, WireRequest request, String id, long created) throws IOException {
        SseWriter sse = new SseWriter(exchange);
        boolean[] first = {true};
        try {
            ChatResponse response = model.stream(request.request(), new ChatStreamListener() {
                @Override
                public void onText(String piece) {
                    sse.event(WireResponses.chunk(id, created, modelName, piece, first[0], null, null));
                    first[0] = false;
                }

                @Override
                public void onToolCallFragment(ToolCallFragment fragment) {
                    sse.event(WireResponses.toolCallChunk(id, created, modelName, fragment, first[0]));
                    first[0] = false;
                }
            });
            sse.event(WireResponses.chunk(id, created, modelName, first[0] ? "" : null, first[0],
                    WireResponses.effectiveFinishReason(response), response.usage()));
            sse.done();
        } catch (UncheckedIOException clientGone) {
            exchange.getResponseBody().close();
        } catch (RuntimeException e) {
            ApiErrorException failure = ModelFailures.of(e);
            if (!sse.started()) {
                throw failure;
            }
            try {
                sse.event(failure.error().toJson());
            } catch (UncheckedIOException clientGone) {
                // nothing more to tell a client that left
            }
        }
    }
}
