package dev.polis.openai.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.api.PolisException;
import dev.polis.openai.wire.WireJson;

/**
 * Posts JSON to one endpoint of an OpenAI-compatible server ({@code <base url>/chat/completions},
 * {@code <base url>/embeddings}) the way every {@code openai} model does.
 *
 * <p>Each request sends the bearer key and the extra headers. Each call makes up to {@code maxRetries + 1}
 * attempts: 408, 429, 5xx, connection failures and timeouts are retried after an exponential backoff with
 * jitter, or after the wait a {@code Retry-After} header asks for, as long as the total wait stays within
 * {@code maxRetryWait}. Each attempt holds one permit of its endpoint's semaphore. Interrupting the calling
 * thread, or closing the client, cancels calls in flight. Failures are {@link EndpointFailure}s whose message
 * names the endpoint, the model, the cause and the number of attempts, and which say whether another endpoint may
 * answer; the API key never appears in them.
 */
final class EndpointClient implements AutoCloseable {

    /** Reads the body of a successful (2xx) answer to one attempt. */
    @FunctionalInterface
    interface ResponseReader<T> {

        /** Reads the body; an {@link AttemptFailure} says why it is unusable and whether another attempt may help. */
        T read(ResponseLines lines) throws AttemptFailure, InterruptedException, TimeoutException, IOException;
    }

    private static final String USER_AGENT = "polis-openai/0.1";

    private final String name;
    private final EndpointOptions options;
    private final String apiKey;
    private final Semaphore permits;
    private final URI endpoint;
    private final HttpClient client;
    private final DoubleSupplier random;
    private final Clock clock;
    private final Set<ResponseLines> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates a client of {@code <base url><path>}.
     *
     * @param name    how messages name the client: {@code openai}, {@code openai embeddings}
     * @param path    the endpoint below the base URL, for example {@code /chat/completions}
     * @param apiKey  the key sent as a bearer token, or {@code null} for a server without one
     * @param permits the endpoint's concurrency limit, shared by the models of one base URL
     * @param random  the jitter of backoffs, in [0, 1)
     * @param clock   the clock {@code Retry-After} dates are read against
     * @throws InvalidInputException when a configured header is one the client must set itself
     */
    EndpointClient(String name, String path, EndpointOptions options, String apiKey, Semaphore permits,
                   DoubleSupplier random, Clock clock) {
        this.name = name;
        this.options = options;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.permits = permits;
        this.random = random;
        this.clock = clock;
        this.endpoint = URI.create(options.baseUrl() + path);
        checkHeaders();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Returns the options the client was made with. */
    EndpointOptions options() {
        return options;
    }

    /** Returns how messages about this client's calls start: {@code openai http://host/v1 (model m): }. */
    String prefix() {
        return name + " " + options.label() + ": ";
    }

    /**
     * Posts {@code body}, retrying as the options allow, and returns what {@code reader} makes of the answer.
     *
     * @param accept the {@code Accept} header: {@code application/json} or {@code text/event-stream}
     * @throws PolisException when every attempt failed, a failure is not retryable, or the call was cancelled
     */
    <T> T post(JsonNode body, String accept, ResponseReader<T> reader) {
        if (closed) {
            throw new PolisException(prefix() + "the model is closed; create a new one");
        }
        byte[] bytes = json(body);
        RetryPolicy retry = options.retry();
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(bytes, accept, reader);
            } catch (AttemptFailure failure) {
                if (closed) {
                    throw new PolisException(prefix() + "cancelled: the model was closed during the call", failure);
                }
                if (!failure.retryable() || attempt >= retry.maxAttempts()) {
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

    private <T> T attempt(byte[] body, String accept, ResponseReader<T> reader) throws AttemptFailure,
            InterruptedException {
        Duration readTimeout = options.readTimeout();
        if (!permits.tryAcquire(readTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AttemptFailure("every one of its " + options.maxConcurrency() + " request slots stayed busy for "
                    + Texts.seconds(readTimeout) + " (maxConcurrency)", false, null, null);
        }
        ResponseLines lines = new ResponseLines();
        inFlight.add(lines);
        CompletableFuture<HttpResponse<Void>> future = null;
        try {
            future = client.sendAsync(request(body, accept, readTimeout), lines);
            future.whenComplete((response, error) -> {
                if (error != null) {
                    lines.abort(error);
                }
            });
            HttpResponse.ResponseInfo info = lines.awaitHeaders(readTimeout.plusSeconds(1));
            int status = info.statusCode();
            if (status / 100 == 2) {
                return reader.read(lines);
            }
            throw HttpFailures.status(status, info, lines, options, clock);
        } catch (TimeoutException e) {
            throw new AttemptFailure(e.getMessage(), true, null, e);
        } catch (IOException e) {
            throw HttpFailures.transport(e, options);
        } finally {
            inFlight.remove(lines);
            lines.abort(new CancellationException("call finished"));
            if (future != null && !future.isDone()) {
                future.cancel(true);
            }
            permits.release();
        }
    }

    private HttpRequest request(byte[] body, String accept, Duration readTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        options.headers().forEach(builder::header);
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder.build();
    }

    private PolisException failed(AttemptFailure failure, int attempts, String tail) {
        String message = prefix() + failure.getMessage() + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + tail;
        return new EndpointFailure(scrub(message), failure.getCause() == null ? null : new IOException(
                scrub(String.valueOf(failure.getCause().getMessage()))), failure.retryable());
    }

    private String scrub(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey, "***");
    }

    private byte[] json(JsonNode body) {
        try {
            return WireJson.MAPPER.writeValueAsBytes(body);
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
}
