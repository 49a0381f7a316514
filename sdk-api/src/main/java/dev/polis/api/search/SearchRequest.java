package dev.polis.api.search;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Asks a {@link SearchBackend} for hits.
 *
 * @param queries one or more queries, searched together; never empty
 * @param limit   the most hits per query, at least 1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record SearchRequest(List<String> queries, int limit) {

    /** Checks the components and copies the queries. */
    public SearchRequest {
        queries = List.copyOf(queries);
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("a search request needs at least one query");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
    }

    /** Returns a request for one query. */
    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(List.of(query), limit);
    }
}
