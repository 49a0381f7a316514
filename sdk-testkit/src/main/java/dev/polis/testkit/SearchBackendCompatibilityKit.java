package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import dev.polis.api.Settings;
import dev.polis.api.run.RunContext;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import org.apiguardian.api.API;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of a {@link SearchBackend}: limits respected, hits without duplicates ordered best first,
 * returned ids fetchable in order, unknown ids left out.
 *
 * <p>Supply the provider through {@link #createProvider()}, the block that opens it over a test corpus through
 * {@link #settings()}, and, through {@link #queries()}, queries that match at
 * least two documents of its corpus.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class SearchBackendCompatibilityKit extends ExtensionCompatibilityKit<SearchBackendProvider> {

    /** An id no backend knows, used to check that unknown ids are left out. */
    protected static final String UNKNOWN_ID = "polis-testkit:no-such-page:7f3c";

    private final List<SearchBackend> opened = new ArrayList<>();

    /** Returns a new instance of the backend provider under test. */
    protected abstract SearchBackendProvider createProvider();

    /** Returns the configuration block that opens a backend over a corpus the queries match. */
    protected abstract Settings settings();

    /** Returns queries that each match at least two documents of the backend's corpus. */
    protected abstract List<String> queries();

    @Override
    protected final SearchBackendProvider createExtension() {
        return createProvider();
    }

    /** Returns a backend the provider under test opens from {@link #settings()}; the kit closes it after each test. */
    protected final SearchBackend createBackend() {
        SearchBackend backend = createProvider().open(new SearchBackendContext(settings(), RunContext.detached(0)));
        assertThat(backend).as("the backend %s opened", createProvider().id()).isNotNull();
        opened.add(backend);
        return backend;
    }

    @AfterEach
    void closeBackends() {
        opened.forEach(SearchBackend::close);
        opened.clear();
    }

    @Test
    public void closingTwiceIsHarmless() {
        SearchBackend backend = createProvider().open(new SearchBackendContext(settings(), RunContext.detached(0)));
        backend.close();
        backend.close();
    }

    @Test
    public void limitIsRespectedForEachQuery() {
        SearchBackend backend = createBackend();
        for (String query : queries()) {
            assertThat(backend.search(SearchRequest.of(query, 1))).as("hits for '%s' with limit 1", query).hasSizeLessThanOrEqualTo(1);
            assertThat(backend.search(SearchRequest.of(query, 2))).as("hits for '%s' with limit 2", query).hasSizeLessThanOrEqualTo(2);
        }
        assertThat(backend.search(new SearchRequest(queries(), 1))).as("hits for all queries with limit 1")
                .hasSizeLessThanOrEqualTo(queries().size());
    }

    @Test
    public void queriesFindSomething() {
        for (String query : queries()) {
            assertThat(createBackend().search(SearchRequest.of(query, 5))).as("hits for '%s'", query).isNotEmpty();
        }
    }

    @Test
    public void hitsHaveNoDuplicatesAndComeBestFirst() {
        List<SearchHit> hits = createBackend().search(new SearchRequest(queries(), 5));
        assertThat(hits).extracting(SearchHit::id).as("hit ids").doesNotHaveDuplicates();
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).as("score of hit %d", i).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }

    @Test
    public void fetchOfReturnedIdsGivesThosePagesInOrder() {
        SearchBackend backend = createBackend();
        List<String> ids = backend.search(new SearchRequest(queries(), 5)).stream().map(SearchHit::id).toList();
        assertThat(ids).as("hit ids").isNotEmpty();
        List<Page> pages = backend.fetch(new FetchRequest(ids));
        assertThat(pages).extracting(Page::id).as("ids of fetched pages").containsExactlyElementsOf(ids);
    }

    @Test
    public void fetchLeavesOutUnknownIds() {
        SearchBackend backend = createBackend();
        List<String> known = backend.search(new SearchRequest(queries(), 5)).stream().map(SearchHit::id).limit(2).toList();
        List<String> asked = new ArrayList<>();
        asked.add(UNKNOWN_ID);
        asked.addAll(known);
        asked.add(UNKNOWN_ID + "-2");
        assertThat(backend.fetch(new FetchRequest(asked))).extracting(Page::id).as("ids of fetched pages").containsExactlyElementsOf(known);
    }
}
