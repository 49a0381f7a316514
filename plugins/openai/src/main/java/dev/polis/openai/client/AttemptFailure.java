package dev.polis.openai.client;

import java.io.Serial;
import java.time.Duration;

/**
 * Ends one attempt of a call: says why, whether another attempt may help, and how long the server asked to wait.
 */
final class AttemptFailure extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final transient Duration retryAfter;

    AttemptFailure(String reason, boolean retryable, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    boolean retryable() {
        return retryable;
    }

    /** Returns the same failure, not to be retried (for example because a stream already handed out text). */
    AttemptFailure notRetryable() {
        return retryable ? new AttemptFailure(getMessage(), false, retryAfter, getCause()) : this;
    }

    /** Returns the wait asked for by {@code Retry-After}, or {@code null}. */
    Duration retryAfter() {
        return retryAfter;
    }
}
