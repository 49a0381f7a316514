package dev.polis.openai.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.polis.openai.wire.ApiError;
import dev.polis.openai.wire.WireFormatException;
import dev.polis.openai.wire.WireJson;

/** Reads a request body, refusing one larger than the server's limit with 413 and bad JSON with 400. */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Reads the body as JSON and hands it to {@code reader}; bad JSON and a {@link WireFormatException} from the
     * reader become 400 answers that say what is wrong.
     */
    static <T> T readJson(HttpExchange exchange, long limit, Function<JsonNode, T> reader) throws IOException {
        byte[] body = read(exchange, limit);
        JsonNode json;
        try {
            json = WireJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiErrorException(ApiError.invalidRequest("the request body is not valid JSON: "
                    + e.getOriginalMessage(), "invalid_json", null));
        }
        try {
            return reader.apply(json);
        } catch (WireFormatException e) {
            throw new ApiErrorException(ApiError.invalidRequest(e.getMessage(), "invalid_request", e.param()));
        }
    }

    static byte[] read(HttpExchange exchange, long limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw new ApiErrorException(ApiError.invalidRequest("Content-Length '" + declared
                        + "' is not a number", "invalid_header", null));
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > limit) {
                    throw tooLarge(limit);
                }
            }
        }
        return body.toByteArray();
    }

    private static ApiErrorException tooLarge(long limit) {
        return new ApiErrorException(new ApiError(413, "the request body is larger than this server's limit of "
                + limit + " bytes; send a shorter conversation or start polis serve with a larger --max-body",
                "invalid_request_error", "request_too_large", null));
    }
}
