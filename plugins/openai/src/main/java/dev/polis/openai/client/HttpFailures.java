package dev.polis.openai.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireJson;

/**
 * Turns what went wrong with one HTTP attempt (an error status, a transport failure) into an
 * {@link AttemptFailure} that says why, with a hint where one helps, and whether to retry.
 */
final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * Describes an error status: the server's error message (or the start of its body), a hint for 401, 403 and
     * 404, and the {@code Retry-After} wait; 408, 429 and 5xx are retryable.
     */
    static AttemptFailure status(int status, HttpResponse.ResponseInfo info, ResponseLines lines,
                                 EndpointOptions options, Clock clock) throws InterruptedException {
        String body;
        try {
            body = lines.rest(Duration.ofMillis(Math.min(options.readTimeout().toMillis(), 5000)));
        } catch (TimeoutException | IOException e) {
            body = "";
        }
        String message;
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
        Duration retryAfter = RetryAfter.parse(info.headers().firstValue("Retry-After").orElse(null), clock)
                .orElse(null);
        return new AttemptFailure("HTTP " + status + (message.isBlank() ? "" : ": " + message) + hint, retryable,
                retryAfter, null);
    }

    /** Describes a transport failure (refused, timed out, cancelled, reset); all are retryable. */
    static AttemptFailure transport(IOException error, EndpointOptions options) {
        return new AttemptFailure(describe(error, options), true, null, error);
    }

    /** Names the cause of a transport failure: {@code connection refused}, {@code no response within 5 s ...}. */
    static String describe(IOException error, EndpointOptions options) {
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
}
