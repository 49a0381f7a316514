package dev.polis.core.registry;

import java.util.List;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
import org.pf4j.Extension;

/** Class-path search backends with different ranks, for the registry tests. */
final class RankedSearchBackends {

    private RankedSearchBackends() {
    }

    /** The preferred backend. */
    @Extension
    public static final class Lucene implements SearchBackend {
        @Override
        public String id() {
            return "test.lucene";
        }

        @Override
        public int rank() {
            return 10;
        }

        @Override
        public List<SearchHit> search(List<String> queries, int limit) {
            return List.of(new SearchHit("1", "", "t", "s", 1));
        }

        @Override
        public List<Page> fetch(List<String> ids) {
            return List.of();
        }
    }

    /** A lower-ranked backend whose search always fails. */
    @Extension
    public static final class Broken implements SearchBackend {
        @Override
        public String id() {
            return "test.searxng";
        }

        @Override
        public List<SearchHit> search(List<String> queries, int limit) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public List<Page> fetch(List<String> ids) {
            return List.of();
        }
    }
}
