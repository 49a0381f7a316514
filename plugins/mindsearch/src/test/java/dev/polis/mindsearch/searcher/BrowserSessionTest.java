package dev.polis.mindsearch.searcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.search.SearchHit;
import dev.polis.mindsearch.fixture.MemoryBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A searcher's view of the backend: stable result numbers, at most maxSelect pages, pages cut to pageChars. */
class BrowserSessionTest {

    private final MemoryBackend backend = new MemoryBackend()
            .add("a", "A", "apple " + "x".repeat(300))
            .add("b", "B", "apple banana")
            .add("c", "C", "banana cherry")
            .add("d", "D", "cherry apple")
            .add("e", "E", "apple cherry banana");

    @Test
    void aDocumentFoundAgainKeepsItsNumberAndNewOnesAreAppended() {
        BrowserSession session = new BrowserSession(backend, 6, 4, 8192);

        session.search(List.of("apple"));
        List<String> first = session.results().stream().map(SearchHit::id).toList();
        String second = session.search(List.of("cherry", "cherry"));

        assertThat(session.results().subList(0, first.size())).extracting(SearchHit::id).containsExactlyElementsOf(first);
        assertThat(session.results()).extracting(SearchHit::id).doesNotHaveDuplicates().contains("c");
        assertThat(second).contains("\"" + first.indexOf("d") + "\"", "\"" + session.results().stream()
                .map(SearchHit::id).toList().indexOf("c") + "\"");
        assertThat(session.searches()).isEqualTo(2);
    }

    @Test
    void selectReadsAtMostMaxSelectPagesCutToPageChars() {
        BrowserSession session = new BrowserSession(backend, 6, 2, 100);
        session.search(List.of("apple banana cherry"));
        int a = session.results().stream().map(SearchHit::id).toList().indexOf("a");

        String pages = session.select(List.of(a, 0, 1, 2, 3, 99));

        assertThat(session.read()).hasSize(2);
        assertThat(pages).contains("only the first 2 ids were read", "unknown ids were ignored");
        assertThat(pages).doesNotContain("x".repeat(101)).contains("x".repeat(90));
    }

    @Test
    void selectBeforeSearchAndEmptyQueriesAreErrorsTheSearcherReads() {
        BrowserSession session = new BrowserSession(backend, 6, 4, 8192);

        assertThat(session.select(List.of(0))).startsWith("error: nothing to select yet");
        assertThat(session.search(List.of(" ", ""))).startsWith("error: search needs at least one non-empty query");
        assertThat(session.search(List.of("zebra"))).startsWith("no results for [zebra]");
        assertThat(session.select(List.of(5))).startsWith("error: nothing to select yet");
    }
}
