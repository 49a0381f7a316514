package dev.polis.api.search;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The full text of a page a search hit points to.
 *
 * @param id    the id it was fetched by
 * @param url   where it lives, or {@code ""}
 * @param title its title
 * @param text  its text content
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Page(String id, String url, String title, String text) {

    /** Checks the components. */
    public Page {
        Objects.requireNonNull(id, "id");
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
