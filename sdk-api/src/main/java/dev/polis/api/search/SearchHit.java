package dev.polis.api.search;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One result of a search.
 *
 * @param id      the backend's id for the page, accepted by {@link SearchBackend#fetch}
 * @param url     where the page lives, or {@code ""}
 * @param title   the page title
 * @param snippet a short excerpt matching the query
 * @param score   the backend's relevance score; higher is better
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SearchHit(String id, String url, String title, String snippet, double score) {

    /** Checks the components. */
    public SearchHit {
        Objects.requireNonNull(id, "id");
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        snippet = snippet == null ? "" : snippet;
    }
}
