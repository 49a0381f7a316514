package dev.polis.api.search;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Searches a corpus (a Lucene index, a metasearch server) and fetches the pages it found.
 *
 * <p>Created by a {@link SearchBackendProvider}; thread-safe, since searchers query it in parallel. Closing it
 * releases the index or connections it holds.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface SearchBackend extends AutoCloseable {

    /** Returns up to {@link SearchRequest#limit()} hits for each query, merged, best first, without duplicates. */
    List<SearchHit> search(SearchRequest request);

    /** Returns the pages with the request's ids, in the same order; ids that are unknown are left out. */
    List<Page> fetch(FetchRequest request);

    /** Releases the index or connections. */
    @Override
    void close();
}
