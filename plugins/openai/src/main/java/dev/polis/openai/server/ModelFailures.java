package dev.polis.openai.server;

import dev.polis.openai.wire.ApiError;

/** Turns a served model's failure into a 500 {@code model_error} answer. */
final class ModelFailures {

    private ModelFailures() {
    }

    static ApiErrorException of(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ApiErrorException(new ApiError(500, "the model failed: " + message, "server_error",
                "model_error", null));
    }
}
