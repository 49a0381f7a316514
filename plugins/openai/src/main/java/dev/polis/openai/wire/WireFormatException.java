package dev.polis.openai.wire;

import java.io.Serial;

/**
 * Signals a JSON payload that does not follow the chat-completions format; the message names the field and
 * what was expected.
 */
public class WireFormatException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String param;

    /** Creates an exception about the field {@code param} (may be {@code null}). */
    public WireFormatException(String message, String param) {
        super(message);
        this.param = param;
    }

    /** Returns the field at fault, or {@code null}. */
    public String param() {
        return param;
    }
}
