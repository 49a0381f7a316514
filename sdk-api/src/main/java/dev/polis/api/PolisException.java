package dev.polis.api;

import java.io.Serial;
import org.apiguardian.api.API;

/** Signals a failure inside Polis or one of its plugins that callers may want to tell apart from other errors. */
@API(status = API.Status.STABLE, since = "0.1")
public class PolisException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names what failed and why. */
    public PolisException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the failure that caused it. */
    public PolisException(String message, Throwable cause) {
        super(message, cause);
    }
}
