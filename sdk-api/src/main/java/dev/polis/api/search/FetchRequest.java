package dev.polis.api.search;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Asks a {@link SearchBackend} for the pages behind hits.
 *
 * @param ids the hits' ids, in the order the pages are wanted
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record FetchRequest(List<String> ids) {

    /** Copies the ids. */
    public FetchRequest {
        ids = List.copyOf(ids);
    }

    /** Returns a request for the given ids. */
    public static FetchRequest of(String... ids) {
        return new FetchRequest(List.of(ids));
    }
}
