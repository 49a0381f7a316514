package dev.polis.core.calls;

import java.io.Serial;
import dev.polis.api.PolisException;

/** Signals that a replayed run asked a model something the recording does not hold. */
public class ReplayMismatchException extends PolisException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the call and shows how the request differs. */
    public ReplayMismatchException(String message) {
        super(message);
    }
}
