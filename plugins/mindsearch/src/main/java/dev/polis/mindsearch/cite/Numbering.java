package dev.polis.mindsearch.cite;

import dev.polis.api.search.SearchHit;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Numbers the citations of the nodes' answers for the whole request, and maps the final answer's to sources. */
public interface Numbering {

    /**
     * Rewrites a node's answer from its local citation ids (positions in {@code results}) to request-wide numbers.
     * Nodes are registered in declaration order.
     */
    String register(String node, String answer, List<SearchHit> results);

    /** Returns the source with number {@code n}. */
    Optional<Source> source(int n);

    /** Returns every numbered source, by number. */
    SortedMap<Integer, Source> sources();

    /** Returns how many citation markers pointed at no search result. */
    int dangling();

    /** Returns the planner's final text, whose markers are this numbering's, with its references. */
    CitedAnswer finalAnswer(String text);
}
