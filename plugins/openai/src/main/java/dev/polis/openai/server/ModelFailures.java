package dev.polis.openai.server;

import dev.polis.api.InvalidInputException;
import dev.polis.openai.wire.ApiError;

/**
 * Turns a served model's failure into an answer: 400 with the refusal's code when a guard refused the request or
 * withheld the answer ({@link GuardRefusal}), 400 {@code unsupported_request} when the model refuses the request
 * as invalid for it ({@link InvalidInputException}, for example a response format its template cannot express),
 * otherwise 500 {@code model_error}.
 */
final class ModelFailures {

    private ModelFailures() {
    }

    static ApiErrorException of(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof GuardRefusal refusal) {
            return new ApiErrorException(ApiError.invalidRequest(message, refusal.code(), null));
        }
        if (e instanceof InvalidInputException) {
            return new ApiErrorException(ApiError.invalidRequest("the model cannot answer this request: " + message,
                    "unsupported_request", null));
        }
        return new ApiErrorException(new ApiError(500, "the model failed: " + message, "server_error",
                "model_error", null));
    }
}
