package dev.polis.api.search;

import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/** Opens search backends of one kind (for example {@code search.lucene}) from their configuration block. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface SearchBackendProvider extends PolisExtension {

    /**
     * Opens a backend; the caller closes it.
     *
     * @throws dev.polis.api.InvalidInputException when the settings are wrong (an index folder that does not exist)
     */
    SearchBackend open(SearchBackendContext context);
}
