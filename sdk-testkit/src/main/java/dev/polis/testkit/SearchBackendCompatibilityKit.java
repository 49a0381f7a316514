package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchHit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of a {@link SearchBackend}: limits respected, hits without duplicates ordered best first,
 * returned ids fetchable in order, unknown ids left out.
 *
 * <p>Supply the backend through {@link #createBackend()} and, through {@link #queries()}, queries that match at
 * least two documents of its corpus.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class SearchBackendCompatibilityKit extends ExtensionCompatibilityKit<SearchBackend> {

    /** An id no backend knows, used to check that unknown ids are left out. */
    protected static final String UNKNOWN_ID = "polis-testkit:no-such-page:7f3c";

    /** Returns a new instance of the backend under test, over a corpus the queries match. */
    protected abstract SearchBackend createBackend();

    /** Returns queries that each match at least two documents of the backend's corpus. */
    protected abstract List<String> queries();

    @Override
    protected final SearchBackend createExtension() {
        return createBackend();
    }

    @Test
    public void limitIsRespectedForEachQuery() {
        SearchBackend backend = createBackend();
        for (String query : queries()) {
            assertThat(backend.search(List.of(query), 1)).as("hits for '%s' with limit 1", query).hasSizeLessThanOrEqualTo(1);
            assertThat(backend.search(List.of(query), 2)).as("hits for '%s' with limit 2", query).hasSizeLessThanOrEqualTo(2);
        }
        assertThat(backend.search(queries(), 1)).as("hits for all queries with limit 1")
                .hasSizeLessThanOrEqualTo(queries().size());
    }

    @Test
    public void queriesFindSomething() {
        for (String query : queries()) {
            assertThat(createBackend().search(List.of(query), 5)).as("hits for '%s'", query).isNotEmpty();
        }
    }

    @Test
    public void hitsHaveNoDuplicatesAndComeBestFirst() {
        List<SearchHit> hits = createBackend().search(queries(), 5);
        assertThat(hits).extracting(SearchHit::id).as("hit ids").doesNotHaveDuplicates();
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).as("score of hit %d", i).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }

    @Test
    public void fetchOfReturnedIdsGivesThosePagesInOrder() {
        SearchBackend backend = createBackend();
        List<String> ids = backend.search(queries(), 5).stream().map(SearchHit::id).toList();
        assertThat(ids).as("hit ids").isNotEmpty();
        List<Page> pages = backend.fetch(ids);
        assertThat(pages).extracting(Page::id).as("ids of fetched pages").containsExactlyElementsOf(ids);
    }

    @Test
    public void fetchLeavesOutUnknownIds() {
        SearchBackend backend = createBackend();
        List<String> known = backend.search(queries(), 5).stream().map(SearchHit::id).limit(2).toList();
        List<String> asked = new ArrayList<>();
        asked.add(UNKNOWN_ID);
        asked.addAll(known);
        asked.add(UNKNOWN_ID + "-2");
        assertThat(backend.fetch(asked)).extracting(Page::id).as("ids of fetched pages").containsExactlyElementsOf(known);
    }
}
