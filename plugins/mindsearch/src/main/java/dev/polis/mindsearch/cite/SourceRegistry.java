package dev.polis.mindsearch.cite;

import dev.polis.api.search.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every cited document one global number for the whole request, in first-citation order, so that two nodes
 * citing the same document cite the same number (the original numbers per node and repeats sources).
 *
 * <p>Nodes are registered in the order the planner declared them, whatever order they finished in, so numbers do
 * not depend on thread timing. Not thread-safe: the planner's thread registers.
 */
public final class SourceRegistry {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final List<Source> sources = new ArrayList<>();
    private int dangling;

    /**
     * Rewrites a node's answer from its local citation ids (positions in {@code results}) to global numbers,
     * registering the cited documents; markers that point at no result are removed and counted.
     */
    public String register(String node, String answer, List<SearchHit> results) {
        return Citations.rewrite(answer, local -> {
            if (local < 0 || local >= results.size()) {
                dangling++;
                return -1;
            }
            SearchHit hit = results.get(local);
            String key = hit.id().isEmpty() ? hit.url() : hit.id();
            return numbers.computeIfAbsent(key, k -> {
                sources.add(new Source(k, hit.url(), hit.title(), hit.snippet(), node));
                return sources.size();
            });
        });
    }

    /** Returns the source with global number {@code n} (from 1). */
    public Optional<Source> source(int n) {
        return n >= 1 && n <= sources.size() ? Optional.of(sources.get(n - 1)) : Optional.empty();
    }

    /** Returns every registered source, in number order. */
    public List<Source> sources() {
        return List.copyOf(sources);
    }

    /** Returns how many citation markers pointed at no search result and were removed. */
    public int dangling() {
        return dangling;
    }
}
