package dev.polis.openai.client;

import dev.polis.api.PolisException;
import java.io.Serial;

/**
 * A call to one endpoint that failed after its attempts, saying whether another endpoint may answer it: connection
 * failures, timeouts, 408, 429 and 5xx may; a request the server refused (4xx) or a stream that already handed out
 * text may not.
 */
public final class EndpointFailure extends PolisException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    EndpointFailure(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Returns whether another endpoint (or a later attempt) may answer the same call. */
    public boolean retryable() {
        return retryable;
    }
}
