package dev.polis.mindsearch.lucene;

import dev.polis.api.InvalidInputException;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import java.nio.file.Path;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Opens {@code search.lucene} backends: setting {@code index} is the folder {@code polis index} wrote. It is the
 * default search backend (rank 100): it needs no network and no key.
 */
@Extension
public final class LuceneBackendProvider implements SearchBackendProvider {

    /** The extension id. */
    public static final String ID = "search.lucene";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("offline", "bm25");
    }

    @Override
    public String description() {
        return "BM25 over a local passage index built by 'polis index' (Apache Lucene)";
    }

    @Override
    public SearchBackend open(SearchBackendContext context) {
        String index = context.settings().string("index").orElseThrow(() -> new InvalidInputException(ID
                + ".index: no index folder given; build one with 'polis index <corpus folder> --output <dir>' and"
                + " pass --index <dir>"));
        return new LuceneBackend(Path.of(index));
    }
}
