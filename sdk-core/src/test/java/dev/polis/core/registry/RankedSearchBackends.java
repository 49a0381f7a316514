package dev.polis.core.registry;

import java.util.List;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import org.pf4j.Extension;

/** Class-path search backend providers with different ranks, for the registry tests. */
final class RankedSearchBackends {

    private RankedSearchBackends() {
    }

    /** The preferred backend. */
    @Extension
    public static final class Lucene implements SearchBackendProvider {
        @Override
        public String id() {
            return "test.lucene";
        }

        @Override
        public int rank() {
            return 10;
        }

        @Override
        public SearchBackend open(SearchBackendContext context) {
            return new SearchBackend() {
                @Override
                public List<SearchHit> search(SearchRequest request) {
                    return List.of(new SearchHit("1", "", "t", "s", 1));
                }

                @Override
                public List<Page> fetch(FetchRequest request) {
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A lower-ranked backend whose search always fails. */
    @Extension
    public static final class Broken implements SearchBackendProvider {
        @Override
        public String id() {
            return "test.searxng";
        }

        @Override
        public SearchBackend open(SearchBackendContext context) {
            return new SearchBackend() {
                @Override
                public List<SearchHit> search(SearchRequest request) {
                    throw new IllegalStateException("connection refused");
                }

                @Override
                public List<Page> fetch(FetchRequest request) {
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
