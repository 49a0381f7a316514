package dev.polis.mindsearch.searcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One searcher's view of the search backend: every search's hits get stable numbers for the node (a document seen
 * again keeps its number), so that {@code [[n]]} in the answer points at the right document however often the
 * searcher searched (the original resolves citations against its first search only).
 */
final class BrowserSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchBackend backend;
    private final int topK;
    private final int maxSelect;
    private final int pageChars;
    private final List<SearchHit> results = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> read = new ArrayList<>();
    private int searches;

    BrowserSession(SearchBackend backend, int topK, int maxSelect, int pageChars) {
        this.backend = backend;
        this.topK = topK;
        this.maxSelect = maxSelect;
        this.pageChars = pageChars;
    }

    /** Runs the queries together and returns their merged hits as JSON numbered for this node. */
    String search(List<String> queries) {
        List<String> clean = queries.stream().map(String::strip).filter(q -> !q.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            return "error: search needs at least one non-empty query, for example {\"query\": [\"...\"]}";
        }
        searches++;
        List<SearchHit> hits = backend.search(new SearchRequest(clean, topK));
        ObjectNode out = JSON.createObjectNode();
        for (SearchHit hit : hits) {
            Integer n = numbers.get(hit.id());
            if (n == null) {
                n = results.size();
                numbers.put(hit.id(), n);
                results.add(hit);
            }
            ObjectNode entry = out.putObject(String.valueOf(n));
            entry.put("url", hit.url());
            entry.put("title", hit.title());
            entry.put("summ", hit.snippet());
        }
        return hits.isEmpty() ? "no results for " + clean + "; try other words" : out.toPrettyString();
    }

    /** Reads the chosen results in full (at most {@code maxSelect}, each cut to {@code pageChars}) as JSON. */
    String select(List<Integer> ids) {
        if (results.isEmpty()) {
            return "error: nothing to select yet; call search first";
        }
        List<Integer> known = ids.stream().distinct().filter(i -> i >= 0 && i < results.size()).toList();
        List<Integer> chosen = known.subList(0, Math.min(known.size(), maxSelect));
        List<String> notes = new ArrayList<>();
        if (known.size() < ids.stream().distinct().count()) {
            notes.add("unknown ids were ignored (known: 0 to " + (results.size() - 1) + ")");
        }
        if (known.size() > chosen.size()) {
            notes.add("only the first " + maxSelect + " ids were read");
        }
        if (chosen.isEmpty()) {
            return "error: none of the ids " + ids + " is a search result (known: 0 to " + (results.size() - 1) + ")";
        }
        List<Page> pages = backend.fetch(new FetchRequest(chosen.stream().map(i -> results.get(i).id()).toList()));
        Map<String, Page> byId = new HashMap<>();
        pages.forEach(p -> byId.put(p.id(), p));
        ObjectNode out = JSON.createObjectNode();
        for (int n : chosen) {
            Page page = byId.get(results.get(n).id());
            if (page == null) {
                continue;
            }
            if (!read.contains(page.id())) {
                read.add(page.id());
            }
            ObjectNode entry = out.putObject(String.valueOf(n));
            entry.put("url", page.url());
            entry.put("title", page.title());
            entry.put("content", page.text().length() > pageChars ? page.text().substring(0, pageChars) : page.text());
        }
        if (!notes.isEmpty()) {
            out.put("note", String.join("; ", notes));
        }
        return out.toPrettyString();
    }

    List<SearchHit> results() {
        return List.copyOf(results);
    }

    List<String> read() {
        return List.copyOf(read);
    }

    int searches() {
        return searches;
    }
}
