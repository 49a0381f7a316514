package dev.polis.mindsearch.cite;

import dev.polis.api.search.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gives every cited document one global number for the whole request, in first-citation order, so that two nodes
 * citing the same document cite the same number (the original numbers per node and repeats sources).
 *
 * <p>Nodes are registered in the order the planner declared them, whatever order they finished in, so numbers do
 * not depend on thread timing. Not thread-safe: the planner's thread registers.
 */
public final class SourceRegistry implements Numbering {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final List<Source> sources = new ArrayList<>();
    private int dangling;

    /** {@inheritDoc} Markers that point at no result are removed and counted. */
    @Override
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

    @Override
    public Optional<Source> source(int n) {
        return n >= 1 && n <= sources.size() ? Optional.of(sources.get(n - 1)) : Optional.empty();
    }

    @Override
    public SortedMap<Integer, Source> sources() {
        SortedMap<Integer, Source> out = new TreeMap<>();
        for (int i = 0; i < sources.size(); i++) {
            out.put(i + 1, sources.get(i));
        }
        return out;
    }

    @Override
    public int dangling() {
        return dangling;
    }

    /** {@inheritDoc} Its citations are renumbered 1, 2, ... in order of appearance. */
    @Override
    public CitedAnswer finalAnswer(String text) {
        return CitedAnswer.of(text, this);
    }
}
