package dev.polis.mindsearch.searcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import dev.polis.mindsearch.fetch.FetchedPage;
import dev.polis.mindsearch.fetch.PageFetchException;
import dev.polis.mindsearch.fetch.PageFetcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One searcher's view of the search backend: every search's hits get stable numbers for the node (a document seen
 * again keeps its number), so that {@code [[n]]} in the answer points at the right document however often the
 * searcher searched (the original resolves citations against its first search only). With a {@link PageFetcher}
 * (web backends) selected pages are read from their URLs, in parallel, and pages that cannot be read are reported
 * ({@link #unread()}) and named in the result; without one they come from the backend's {@code fetch}.
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
    private final PageFetcher pages;
    private List<Unread> unread = List.of();
    private int searches;

    /**
     * A selected result whose page could not be read.
     *
     * @param n     its number for the node
     * @param url   its URL
     * @param error why
     */
    record Unread(int n, String url, String error) { }

    BrowserSession(SearchBackend backend, int topK, int maxSelect, int pageChars) {
        this(backend, topK, maxSelect, pageChars, null);
    }

    BrowserSession(SearchBackend backend, int topK, int maxSelect, int pageChars, PageFetcher pages) {
        this.backend = backend;
        this.topK = topK;
        this.maxSelect = maxSelect;
        this.pageChars = pageChars;
        this.pages = pages;
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
        unread = List.of();
        if (chosen.isEmpty()) {
            return "error: none of the ids " + ids + " is a search result (known: 0 to " + (results.size() - 1) + ")";
        }
        List<Page> fetched = pages == null
                ? backend.fetch(new FetchRequest(chosen.stream().map(i -> results.get(i).id()).toList()))
                : readPages(chosen);
        Map<String, Page> byId = new HashMap<>();
        fetched.forEach(p -> byId.put(p.id(), p));
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
        unread.forEach(u -> notes.add("result " + u.n() + " could not be read (" + u.error() + ")"));
        if (!notes.isEmpty()) {
            out.put("note", String.join("; ", notes));
        }
        return out.toPrettyString();
    }

    /** Reads the chosen results' pages from their URLs in parallel; failures go to {@link #unread()}. */
    private List<Page> readPages(List<Integer> chosen) {
        List<Page> out = new ArrayList<>();
        List<Unread> failed = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchedPage>> reads = chosen.stream()
                    .map(n -> threads.submit(() -> pages.fetch(results.get(n).url()))).toList();
            for (int i = 0; i < chosen.size(); i++) {
                SearchHit hit = results.get(chosen.get(i));
                try {
                    FetchedPage page = reads.get(i).get();
                    out.add(new Page(hit.id(), hit.url(), page.title().isEmpty() ? hit.title() : page.title(),
                            page.text()));
                } catch (ExecutionException e) {
                    failed.add(new Unread(chosen.get(i), hit.url(), e.getCause() instanceof PageFetchException
                            ? e.getCause().getMessage() : String.valueOf(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.add(new Unread(chosen.get(i), hit.url(), "interrupted"));
                }
            }
        }
        unread = List.copyOf(failed);
        return out;
    }

    /** Returns the selected results of the last select whose pages could not be read (web backends only). */
    List<Unread> unread() {
        return unread;
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
