package dev.polis.mindsearch.cite;

import dev.polis.api.search.SearchHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The original's (v0.2) numbering, for side-by-side comparisons: per node in declaration order, the distinct cited
 * ids in ascending order become {@code ptr + 1 ... ptr + k}, then {@code ptr} grows by {@code k + 1} (leaving a
 * one-number gap between nodes); a document cited by two nodes gets two numbers; markers pointing at no result keep a
 * number without a source; the final answer keeps its numbers.
 */
public final class OriginalNumbering implements Numbering {

    private final SortedMap<Integer, Source> sources = new TreeMap<>();
    private int pointer;
    private int dangling;

    @Override
    public String register(String node, String answer, List<SearchHit> results) {
        List<Integer> cited = new ArrayList<>(Citations.cited(answer));
        cited.sort(null);
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int i = 0; i < cited.size(); i++) {
            int local = cited.get(i);
            int number = pointer + i + 1;
            numbers.put(local, number);
            if (local < results.size()) {
                SearchHit hit = results.get(local);
                sources.put(number, new Source(hit.id().isEmpty() ? hit.url() : hit.id(), hit.url(), hit.title(),
                        hit.snippet(), node));
            } else {
                dangling++;
            }
        }
        pointer += cited.size() + 1;
        return Citations.rewrite(answer, numbers::get);
    }

    @Override
    public Optional<Source> source(int n) {
        return Optional.ofNullable(sources.get(n));
    }

    @Override
    public SortedMap<Integer, Source> sources() {
        return new TreeMap<>(sources);
    }

    @Override
    public int dangling() {
        return dangling;
    }

    @Override
    public CitedAnswer finalAnswer(String text) {
        List<Reference> references = new ArrayList<>();
        int unknown = 0;
        for (int n : Citations.cited(text)) {
            Optional<Source> source = source(n);
            if (source.isPresent()) {
                references.add(new Reference(n, source.get()));
            } else {
                unknown++;
            }
        }
        return new CitedAnswer(text, references, unknown);
    }
}
