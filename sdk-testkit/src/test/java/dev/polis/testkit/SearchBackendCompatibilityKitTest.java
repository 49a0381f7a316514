package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
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

    /** Scores each document by how often the query words occur in it. */
    static class WordCountBackend implements SearchBackend {
        @Override
        public String id() {
            return "search.test-words";
        }

        @Override
        public List<SearchHit> search(List<String> queries, int limit) {
            Map<String, SearchHit> best = new LinkedHashMap<>();
            for (String query : queries) {
                CORPUS.entrySet().stream()
                        .map(doc -> new SearchHit(doc.getKey(), "", doc.getKey(), doc.getValue(), score(query, doc.getValue())))
                        .filter(hit -> hit.score() > 0)
                        .sorted(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::id))
                        .limit(limit)
                        .forEach(hit -> best.merge(hit.id(), hit, (a, b) -> a.score() >= b.score() ? a : b));
            }
            return best.values().stream()
                    .sorted(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::id)).toList();
        }

        @Override
        public List<Page> fetch(List<String> ids) {
            return ids.stream().filter(CORPUS::containsKey).map(id -> new Page(id, "", id, CORPUS.get(id))).toList();
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

    @ExtendWith(KitRunner.OnlyHere.class)
    static class WordCount extends SearchBackendCompatibilityKit {
        @Override
        protected SearchBackend createBackend() {
            return new WordCountBackend();
        }

        @Override
        protected List<String> queries() {
            return List.of("fish", "lake fish");
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Careless extends WordCount {
        @Override
        protected SearchBackend createBackend() {
            return new WordCountBackend() {
                @Override
                public List<SearchHit> search(List<String> queries, int limit) {
                    return super.search(queries, 100);
                }

                @Override
                public List<Page> fetch(List<String> ids) {
                    return ids.stream().map(id -> new Page(id, "", id, CORPUS.getOrDefault(id, ""))).toList();
                }
            };
        }
    }
}
