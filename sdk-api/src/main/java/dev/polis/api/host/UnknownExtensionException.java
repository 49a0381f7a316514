package dev.polis.api.host;

import java.io.Serial;
import java.util.List;
import dev.polis.api.InvalidInputException;
import org.apiguardian.api.API;

/** Signals that no extension of a type has the requested id; the message lists the known ids and the closest one. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class UnknownExtensionException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> knownIds;

    /** Creates the exception with its full message and the ids that do exist. */
    public UnknownExtensionException(String message, List<String> knownIds) {
        super(message);
        this.knownIds = List.copyOf(knownIds);
    }

    /** Returns the ids that exist for the requested type. */
    public List<String> knownIds() {
        return knownIds;
    }
}
