package dev.polis.mindsearch.searcher;

import dev.polis.api.search.SearchHit;
import java.util.List;

/**
 * What a searcher produced.
 *
 * @param answer   the answer, citing {@code [[i]]} = position i of {@code results}
 * @param results  every search result it saw, numbered by position
 * @param read     the ids of the documents it read in full
 * @param searches how many searches it ran
 * @param turns    how many model calls it made
 */
public record SearcherOutcome(String answer, List<SearchHit> results, List<String> read, int searches, int turns) {

    /** Copies the lists. */
    public SearcherOutcome {
        results = List.copyOf(results);
        read = List.copyOf(read);
    }
}
