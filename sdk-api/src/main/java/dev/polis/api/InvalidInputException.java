package dev.polis.api;

import java.io.Serial;
import org.apiguardian.api.API;

/**
 * Signals a mistake in what the user supplied (configuration, command line, a file) rather than a bug.
 *
 * <p>The command line prints the message alone, without a stack trace, and exits with status 2. The
 * message should name what is wrong and what would be right, for example
 * {@code agents[2].model: unknown provider 'opnai' (known: local, openai, replay)}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class InvalidInputException extends PolisException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message tells the user what to change. */
    public InvalidInputException(String message) {
        super(message);
    }

    /** Creates an exception whose message tells the user what to change, keeping the underlying cause. */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
