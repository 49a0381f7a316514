package dev.polis.openai.server;

import dev.polis.api.InvalidInputException;

/** Says that a served model's guard refused the request's input or withheld the model's answer (HTTP 400). */
public final class GuardRefusal extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /** Creates the refusal; {@code code} is the API error code ({@code guard_refused_input}, ...). */
    public GuardRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Returns the API error code. */
    public String code() {
        return code;
    }
}
