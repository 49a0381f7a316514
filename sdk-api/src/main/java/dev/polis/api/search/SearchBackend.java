package dev.polis.api.search;

import java.util.List;
import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/** Searches a corpus (a Lucene index, a metasearch server) and fetches the pages it found. */
@API(status = API.Status.STABLE, since = "0.1")
public interface SearchBackend extends PolisExtension {

    /** Returns up to {@code limit} hits for each query, merged and ordered best first, without duplicates. */
    List<SearchHit> search(List<String> queries, int limit);

    /** Returns the pages with the given ids, in the same order; ids that are unknown are left out. */
    List<Page> fetch(List<String> ids);
}
