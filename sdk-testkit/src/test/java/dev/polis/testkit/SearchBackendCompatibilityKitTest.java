package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.Settings;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class SearchBackendCompatibilityKitTest {

    private static final Map<String, String> CORPUS = Map.of(
            "lake", "fish live in the lake and the lake regrows",
            "river", "fish swim up the river",
            "sea", "the sea holds many fish",
            "forest", "trees grow in the forest");

    @Test
    void aWordCountingBackendPasses() {
        assertThat(KitRunner.failures(WordCount.class)).isEmpty();
    }

    @Test
    void aBackendThatIgnoresLimitsAndInventsPagesFails() {
        assertThat(KitRunner.failures(Careless.class)).containsOnlyKeys(
                "limitIsRespectedForEachQuery", "fetchLeavesOutUnknownIds");
    }

    @Test
    void aBackendThatFailsWhenClosedTwiceFails() {
        assertThat(KitRunner.failures(FragileClose.class)).containsOnlyKeys("closingTwiceIsHarmless");
    }

    /** Scores each document by how often the query words occur in it; hits below {@code minScore} are dropped. */
    static class WordCountBackend implements SearchBackend {

        private final double minScore;

        WordCountBackend(Settings settings) {
            this.minScore = settings.doubleValue("minScore", 1);
        }

        @Override
        public List<SearchHit> search(SearchRequest request) {
            Map<String, SearchHit> best = new LinkedHashMap<>();
            for (String query : request.queries()) {
                CORPUS.entrySet().stream()
                        .map(doc -> new SearchHit(doc.getKey(), "", doc.getKey(), doc.getValue(), score(query, doc.getValue())))
                        .filter(hit -> hit.score() >= minScore)
                        .sorted(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::id))
                        .limit(request.limit())
                        .forEach(hit -> best.merge(hit.id(), hit, (a, b) -> a.score() >= b.score() ? a : b));
            }
            return best.values().stream()
                    .sorted(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::id)).toList();
        }

        @Override
        public List<Page> fetch(FetchRequest request) {
            return request.ids().stream().filter(CORPUS::containsKey).map(id -> new Page(id, "", id, CORPUS.get(id)))
                    .toList();
        }

        @Override
        public void close() {
        }

        private static double score(String query, String text) {
            double score = 0;
            for (String word : query.toLowerCase(Locale.ROOT).split("\\s+")) {
                for (String token : text.split("\\s+")) {
                    score += Objects.equals(word, token) ? 1 : 0;
                }
            }
            return score;
        }
    }

    /** Opens {@link WordCountBackend}s, or what {@link #backend} makes of the settings. */
    @org.pf4j.Extension
    static class WordCountProvider implements SearchBackendProvider {
        @Override
        public String id() {
            return "search.test-words";
        }

        @Override
        public SearchBackend open(SearchBackendContext context) {
            return backend(context.settings());
        }

        SearchBackend backend(Settings settings) {
            return new WordCountBackend(settings);
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class WordCount extends SearchBackendCompatibilityKit {
        @Override
        protected SearchBackendProvider createProvider() {
            return new WordCountProvider();
        }

        @Override
        protected Settings settings() {
            return TestSettings.of("minScore", 1);
        }

        @Override
        protected List<String> queries() {
            return List.of("fish", "lake fish");
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Careless extends WordCount {
        @Override
        protected SearchBackendProvider createProvider() {
            return new WordCountProvider() {
                @Override
                SearchBackend backend(Settings settings) {
                    return new WordCountBackend(settings) {
                        @Override
                        public List<SearchHit> search(SearchRequest request) {
                            return super.search(new SearchRequest(request.queries(), 100));
                        }

                        @Override
                        public List<Page> fetch(FetchRequest request) {
                            return request.ids().stream()
                                    .map(id -> new Page(id, "", id, CORPUS.getOrDefault(id, ""))).toList();
                        }
                    };
                }
            };
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class FragileClose extends WordCount {
        @Override
        protected SearchBackendProvider createProvider() {
            return new WordCountProvider() {
                @Override
                SearchBackend backend(Settings settings) {
                    return new WordCountBackend(settings) {
                        private boolean closed;

                        @Override
                        public void close() {
                            if (closed) {
                                throw new IllegalStateException("index already closed");
                            }
                            closed = true;
                        }
                    };
                }
            };
        }
    }
}
