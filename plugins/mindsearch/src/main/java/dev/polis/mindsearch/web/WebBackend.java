package dev.polis.mindsearch.web;

import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import dev.polis.mindsearch.fetch.FetchedPage;
import dev.polis.mindsearch.fetch.PageFetchException;
import dev.polis.mindsearch.fetch.PageFetcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the web backends share: the queries of a request run in parallel, their results merged by URL (a page found
 * twice keeps its best rank and both snippets, as the original merges), scored by rank ({@code 1/(1+rank)}, best
 * first); a hit's id is its URL. {@link #fetch} reads the pages of hits this backend returned with the
 * {@link PageFetcher} (in parallel); pages that cannot be read and unknown ids are left out. A search fails only when
 * every query failed. At most {@code concurrency} requests go to the search API at once across the searchers sharing
 * this backend (one request's; setting {@code concurrency}), so that parallel searchers stay within an API's limits.
 */
abstract class WebBackend implements SearchBackend {

    private final PageFetcher pages;
    private final Map<String, SearchHit> known = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Semaphore permits;

    WebBackend(PageFetcher pages, int concurrency) {
        this.pages = pages;
        this.permits = new Semaphore(concurrency, true);
    }

    /** Returns up to {@code limit} results of {@code query} in rank order; failures are {@link SearchUnavailableException}s. */
    abstract List<WebResult> query(String query, int limit);

    /** Releases the API client. */
    abstract void closeClient();

    @Override
    public final List<SearchHit> search(SearchRequest request) {
        List<Future<List<WebResult>>> running = new ArrayList<>();
        for (String query : request.queries()) {
            running.add(threads.submit(() -> limited(query, request.limit())));
        }
        Map<String, SearchHit> merged = new LinkedHashMap<>();
        SearchUnavailableException failure = null;
        int failed = 0;
        for (Future<List<WebResult>> future : running) {
            List<WebResult> results;
            try {
                results = future.get();
            } catch (InterruptedException e) {
                running.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted while searching");
            } catch (ExecutionException e) {
                failed++;
                failure = e.getCause() instanceof SearchUnavailableException s ? s
                        : new SearchUnavailableException(String.valueOf(e.getCause().getMessage()), e.getCause());
                continue;
            }
            int rank = 0;
            for (WebResult result : results) {
                if (rank >= request.limit() || !web(result.url())) {
                    continue;
                }
                double score = 1.0 / (1 + rank++);
                merged.merge(result.url(), new SearchHit(result.url(), result.url(), result.title(), result.snippet(),
                        score), WebBackend::merge);
            }
        }
        if (failed == running.size() && failure != null) {
            throw failure;
        }
        List<SearchHit> hits = new ArrayList<>(merged.values());
        hits.sort((a, b) -> Double.compare(b.score(), a.score()));
        hits.forEach(hit -> known.put(hit.id(), hit));
        return hits;
    }

    private List<WebResult> limited(String query, int limit) throws InterruptedException {
        permits.acquire();
        try {
            return query(query, limit);
        } finally {
            permits.release();
        }
    }

    private static SearchHit merge(SearchHit a, SearchHit b) {
        String snippet = a.snippet().equals(b.snippet()) || b.snippet().isEmpty() ? a.snippet()
                : a.snippet().isEmpty() ? b.snippet() : a.snippet() + "\n" + b.snippet();
        return new SearchHit(a.id(), a.url(), a.title().isEmpty() ? b.title() : a.title(), snippet,
                Math.max(a.score(), b.score()));
    }

    @Override
    public final List<Page> fetch(FetchRequest request) {
        List<Future<Page>> reads = new ArrayList<>();
        for (String id : request.ids()) {
            SearchHit hit = known.get(id);
            reads.add(hit == null ? null : threads.submit(() -> read(hit)));
        }
        List<Page> out = new ArrayList<>();
        for (Future<Page> read : reads) {
            try {
                Page page = read == null ? null : read.get();
                if (page != null) {
                    out.add(page);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted while reading pages");
            } catch (ExecutionException e) {
                // a page that cannot be read is left out, as the contract says
            }
        }
        return out;
    }

    private Page read(SearchHit hit) {
        try {
            FetchedPage page = pages.fetch(hit.url());
            return new Page(hit.id(), hit.url(), page.title().isEmpty() ? hit.title() : page.title(), page.text());
        } catch (PageFetchException e) {
            return null;
        }
    }

    private static boolean web(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            threads.shutdownNow();
            closeClient();
        }
    }
}
