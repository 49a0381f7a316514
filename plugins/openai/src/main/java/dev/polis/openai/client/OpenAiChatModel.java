package dev.polis.openai.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireFormatException;
import dev.polis.openai.wire.WireJson;
import dev.polis.openai.wire.WireRequests;
import dev.polis.openai.wire.WireResponses;

/**
 * A {@link ChatModel} served by an OpenAI-compatible {@code /chat/completions} endpoint.
 *
 * <p>Each call makes up to {@code maxRetries + 1} attempts: 429, 5xx, connection failures and timeouts are
 * retried after an exponential backoff with jitter, or after the wait a {@code Retry-After} header asks for,
 * as long as the total wait stays within {@code maxRetryWait}; a stream that has already handed text to its
 * listener is not retried. Each attempt holds one permit of its endpoint's semaphore. Interrupting the
 * calling thread, or closing the model, cancels calls in flight. Failures are {@link PolisException}s whose
 * message names the endpoint, the model, the cause and the number of attempts; the API key never appears in
 * them.
 */
public final class OpenAiChatModel implements ChatModel {

    private static final String USER_AGENT = "polis-openai/0.1";

    private final OpenAiOptions options;
    private final String apiKey;
    private final Semaphore permits;
    private final HttpClient client;
    private final URI endpoint;
    private final DoubleSupplier random;
    private final Clock clock;
    private final Set<ResponseLines> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

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
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.permits = permits;
        this.random = random;
        this.clock = clock;
        this.endpoint = URI.create(options.baseUrl() + "/chat/completions");
        checkHeaders();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return call(request, null);
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        ChatResponse response;
        try {
            response = call(request, listener);
        } catch (RuntimeException e) {
            listener.onError(e);
            throw e;
        }
        listener.onComplete(response);
        return response;
    }

    @Override
    public String spec() {
        return "openai:" + options.baseUrl() + "#" + options.model();
    }

    /** Cancels the calls in flight and releases the connections; later calls fail. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        inFlight.forEach(lines -> lines.abort(new CancellationException("the model was closed")));
        client.shutdownNow();
    }

    private ChatResponse call(ChatRequest request, ChatStreamListener listener) {
        if (closed) {
            throw new PolisException(prefix() + "the model is closed; create a new one");
        }
        byte[] body = json(request, listener != null);
        RetryPolicy retry = options.retry();
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            Delivery delivery = new Delivery(listener);
            try {
                return attempt(body, delivery);
            } catch (AttemptFailure failure) {
                if (closed) {
                    throw new PolisException(prefix() + "cancelled: the model was closed during the call", failure);
                }
                if (!failure.retryable() || delivery.count > 0 || attempt >= retry.maxAttempts()) {
                    throw failed(failure, attempt, "");
                }
                Duration wait = failure.retryAfter() != null ? failure.retryAfter() : retry.backoff(attempt, random);
                if (waited.plus(wait).compareTo(retry.maxTotalWait()) > 0) {
                    throw failed(failure, attempt, "; gave up because waiting " + Texts.seconds(wait)
                            + (failure.retryAfter() != null ? " (as Retry-After asked)" : "")
                            + " would pass maxRetryWait (" + Texts.seconds(retry.maxTotalWait()) + ")");
                }
                sleep(wait, attempt);
                waited = waited.plus(wait);
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
        }
    }

    private ChatResponse attempt(byte[] body, Delivery delivery) throws AttemptFailure, InterruptedException {
        Duration readTimeout = options.readTimeout();
        if (!permits.tryAcquire(readTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AttemptFailure("every one of its " + options.maxConcurrency() + " request slots stayed busy for "
                    + Texts.seconds(readTimeout) + " (maxConcurrency)", false, null, null);
        }
        ResponseLines lines = new ResponseLines();
        inFlight.add(lines);
        CompletableFuture<HttpResponse<Void>> future = null;
        try {
            future = client.sendAsync(request(body, delivery.listener != null, readTimeout), lines);
            future.whenComplete((response, error) -> {
                if (error != null) {
                    lines.abort(error);
                }
            });
            HttpResponse.ResponseInfo info = lines.awaitHeaders(readTimeout.plusSeconds(1));
            int status = info.statusCode();
            if (status / 100 == 2) {
                return delivery.listener == null ? readCompletion(lines) : readStream(lines, delivery);
            }
            throw statusFailure(status, info, lines);
        } catch (TimeoutException e) {
            throw new AttemptFailure(e.getMessage(), true, null, e);
        } catch (IOException e) {
            throw new AttemptFailure(describe(e), true, null, e);
        } finally {
            inFlight.remove(lines);
            lines.abort(new CancellationException("call finished"));
            if (future != null && !future.isDone()) {
                future.cancel(true);
            }
            permits.release();
        }
    }

    private HttpRequest request(byte[] body, boolean stream, Duration readTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        options.headers().forEach(builder::header);
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder.build();
    }

    private ChatResponse readCompletion(ResponseLines lines) throws AttemptFailure, InterruptedException,
            TimeoutException, IOException {
        String text = lines.rest(options.readTimeout());
        JsonNode body = parse(text, "the server answered with a body that is not JSON");
        String error = ApiError.messageOf(body);
        if (error != null) {
            throw new AttemptFailure("the server answered with an error: " + error, false, null, null);
        }
        try {
            return WireResponses.parseCompletion(body, options.model());
        } catch (WireFormatException e) {
            throw new AttemptFailure("the server's answer is not a chat completion: " + e.getMessage()
                    + "; body starts: " + Texts.excerpt(text, 120), false, null, e);
        }
    }

    private ChatResponse readStream(ResponseLines lines, Delivery delivery) throws AttemptFailure,
            InterruptedException {
        SseEvents events = new SseEvents();
        StreamAccumulator stream = new StreamAccumulator(options.model());
        try {
            while (true) {
                String line = lines.nextLine(options.readTimeout());
                String data = line == null ? events.flush() : events.accept(line);
                if (data != null) {
                    if (data.strip().equals("[DONE]")) {
                        return stream.response();
                    }
                    JsonNode chunk = parse(data, "a streamed event is not JSON");
                    String error = ApiError.messageOf(chunk);
                    if (error != null) {
                        throw new AttemptFailure("the server reported an error during the stream: " + error, false,
                                null, null);
                    }
                    String piece = stream.accept(chunk);
                    if (piece != null) {
                        delivery.deliver(piece);
                    }
                }
                if (line == null) {
                    if (stream.finished()) {
                        return stream.response();
                    }
                    throw new AttemptFailure("the stream ended after " + stream.pieces()
                            + " pieces without a finish_reason or [DONE]", true, null, null);
                }
            }
        } catch (TimeoutException e) {
            throw new AttemptFailure(e.getMessage() + " in the stream after " + stream.pieces() + " pieces", true,
                    null, e);
        } catch (IOException e) {
            throw new AttemptFailure(describe(e) + " in the stream after " + stream.pieces() + " pieces", true,
                    null, e);
        }
    }

    private AttemptFailure statusFailure(int status, HttpResponse.ResponseInfo info, ResponseLines lines)
            throws InterruptedException {
        String body;
        try {
            body = lines.rest(Duration.ofMillis(Math.min(options.readTimeout().toMillis(), 5000)));
        } catch (TimeoutException | IOException e) {
            body = "";
        }
        String message = "";
        try {
            String error = ApiError.messageOf(WireJson.MAPPER.readTree(body));
            message = error == null ? Texts.excerpt(body, 200) : error;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            message = Texts.excerpt(body, 200);
        }
        String hint = switch (status) {
            case 401, 403 -> options.apiKeyEnv() == null
                    ? "; the server wants a key: name the environment variable holding it with apiKeyEnv"
                    : "; check the key in the environment variable " + options.apiKeyEnv();
            case 404 -> "; check the base URL (it usually ends in /v1) and the model name";
            default -> "";
        };
        boolean retryable = status == 429 || status == 408 || status >= 500;
        java.time.Duration retryAfter = RetryAfter.parse(info.headers().firstValue("Retry-After").orElse(null),
                clock).orElse(null);
        return new AttemptFailure("HTTP " + status + (message.isBlank() ? "" : ": " + message) + hint, retryable,
                retryAfter, null);
    }

    private JsonNode parse(String text, String what) throws AttemptFailure {
        try {
            return WireJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AttemptFailure(what + " (" + e.getOriginalMessage() + "); it starts: " + Texts.excerpt(text, 120),
                    false, null, e);
        }
    }

    private String describe(IOException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection within " + Texts.seconds(options.connectTimeout()) + " (connectTimeout)";
            }
            if (t instanceof HttpTimeoutException) {
                return "no response within " + Texts.seconds(options.readTimeout()) + " (readTimeout)";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof CancellationException) {
                return "cancelled";
            }
        }
        return "connection failed (" + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ")";
    }

    private PolisException failed(AttemptFailure failure, int attempts, String tail) {
        String message = prefix() + failure.getMessage() + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + tail;
        return new PolisException(scrub(message), failure.getCause() == null ? null : new IOException(
                scrub(String.valueOf(failure.getCause().getMessage()))));
    }

    private String prefix() {
        return "openai " + options.label() + ": ";
    }

    private String scrub(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey, "***");
    }

    private byte[] json(ChatRequest request, boolean stream) {
        try {
            return WireJson.MAPPER.writeValueAsBytes(WireRequests.toJson(request, options.model(), stream,
                    options.streamUsage(), options.developerRole()));
        } catch (JsonProcessingException e) {
            throw new PolisException(prefix() + "cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private PolisException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new PolisException(prefix() + "cancelled: the calling thread was interrupted", e);
    }

    private void sleep(Duration wait, int attempt) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        if (closed) {
            throw new PolisException(prefix() + "cancelled: the model was closed while waiting to retry after attempt "
                    + attempt);
        }
    }

    private void checkHeaders() {
        try {
            HttpRequest.Builder probe = HttpRequest.newBuilder(endpoint);
            options.headers().forEach(probe::header);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("openai: headers: " + e.getMessage()
                    + "; Host, Connection, Content-Length and similar headers are set by the client", e);
        }
    }

    /** Hands streamed pieces to the listener and counts them, so that a call that delivered text is not retried. */
    private static final class Delivery {

        private final ChatStreamListener listener;
        private int count;

        Delivery(ChatStreamListener listener) {
            this.listener = listener;
        }

        void deliver(String piece) {
            count++;
            listener.onText(piece);
        }
    }
}
