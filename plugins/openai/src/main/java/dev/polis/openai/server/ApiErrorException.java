package dev.polis.openai.server;

import java.io.Serial;
import dev.polis.openai.wire.ApiError;

/** Ends the handling of a request with an OpenAI-style error response. */
final class ApiErrorException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    ApiErrorException(ApiError error) {
        super(error.message());
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
