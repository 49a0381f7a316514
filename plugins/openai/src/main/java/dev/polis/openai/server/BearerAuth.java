package dev.polis.openai.server;

import com.sun.net.httpserver.HttpExchange;
import dev.polis.openai.wire.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the API key a client sends as OpenAI clients do ({@code Authorization: Bearer <key>}): the digests of the
 * sent and the expected key are compared in constant time, and a missing or wrong key is a 401 in OpenAI's error
 * shape that never repeats what was sent. The key itself is kept only as its digest.
 */
final class BearerAuth {

    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    private BearerAuth(byte[] expected) {
        this.expected = expected;
    }

    /** Returns a check for {@code key}, or {@code null} (no check) when {@code key} is null or blank. */
    static BearerAuth of(String key) {
        return key == null || key.isBlank() ? null : new BearerAuth(digest(key));
    }

    /**
     * Lets the request through when it carries the key.
     *
     * @throws ApiErrorException 401 when the key is missing or wrong
     */
    void check(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
        byte[] sent = digest(bearer ? header.substring(PREFIX.length()).trim() : "");
        if (!MessageDigest.isEqual(sent, expected) || !bearer) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            throw new ApiErrorException(new ApiError(401, bearer ? "Incorrect API key provided; send the key this"
                    + " server was started with" : "You didn't provide an API key; send it as 'Authorization:"
                    + " Bearer <key>'", "invalid_request_error", "invalid_api_key", null));
        }
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
