package dev.polis.mindsearch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.api.run.RunContext;
import dev.polis.api.search.FetchRequest;
import dev.polis.api.search.Page;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import dev.polis.testkit.TestSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * search.searxng against a loopback server speaking SearXNG's JSON API: what it asks, what it reads, the pages it
 * fetches, and how a server without JSON, an unreachable server and bad settings are reported.
 */
@Timeout(60)
class SearxngBackendTest {

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() throws IOException {
        web = new WebFixture(Path.of("src/test/resources/corpus"), dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static SearchBackend open(Object... settings) {
        return new SearxngBackendProvider().open(new SearchBackendContext(TestSettings.of(settings),
                RunContext.detached(0)));
    }

    @Test
    void aSearchAsksForJsonWithTheConfiguredEnginesCategoriesAndLanguage() {
        try (SearchBackend backend = open("url", web.base() + "/", "engines", List.of("duckduckgo", "brave"),
                "categories", "general", "language", "en")) {
            backend.search(SearchRequest.of("Kellmouth river", 6));
        }
        WebFixture.Request request = web.requests().getLast();
        assertThat(request.path()).isEqualTo("/search");
        assertThat(request.query()).containsEntry("q", "Kellmouth river").containsEntry("format", "json")
                .containsEntry("engines", "duckduckgo,brave").containsEntry("categories", "general")
                .containsEntry("language", "en");
    }

    @Test
    void hitsAreTheServersResultsInItsOrderWithUrlTitleAndContent() {
        try (SearchBackend backend = open("url", web.base())) {
            List<SearchHit> hits = backend.search(SearchRequest.of("Where was Ada Varn born?", 6));

            assertThat(hits).isNotEmpty();
            SearchHit first = hits.getFirst();
            assertThat(first.id()).isEqualTo(first.url()).startsWith(web.base() + "/doc/");
            assertThat(first.title()).isNotBlank();
            assertThat(first.snippet()).isNotBlank();
            assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void twoQueriesFindingOnePageGiveOneHitWithBothSnippets() {
        try (SearchBackend backend = open("url", web.base())) {
            List<SearchHit> one = backend.search(SearchRequest.of("Kellmouth harbour", 1));
            List<SearchHit> both = backend.search(new SearchRequest(List.of("Kellmouth harbour", "Kellmouth harbour town"), 1));

            assertThat(both).extracting(SearchHit::url).containsExactlyElementsOf(one.stream().map(SearchHit::url).toList());
        }
    }

    @Test
    void atMostConcurrencyRequestsGoToTheServerAtOnce() {
        web.gathering(2);
        try (SearchBackend one = open("url", web.base(), "concurrency", 1)) {
            one.search(new SearchRequest(List.of("river", "telescope"), 3));
        }
        assertThat(web.mostInFlight()).as("requests at once with concurrency 1").isEqualTo(1);

        web.gathering(2);
        try (SearchBackend two = open("url", web.base(), "concurrency", 2)) {
            two.search(new SearchRequest(List.of("river", "telescope"), 3));
        }
        assertThat(web.mostInFlight()).as("requests at once with concurrency 2").isEqualTo(2);
        assertThatThrownBy(() -> open("url", web.base(), "concurrency", "0.5"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("search.searxng.concurrency must be a whole number of at least 1");
    }

    @Test
    void aFetchedPageIsTheMainTextWithoutScriptNavigationOrFooter() {
        try (SearchBackend backend = open("url", web.base())) {
            SearchHit hit = backend.search(SearchRequest.of("Where was Ada Varn born?", 6)).getFirst();
            Page page = backend.fetch(FetchRequest.of(hit.id())).getFirst();

            assertThat(page.url()).isEqualTo(hit.url());
            assertThat(page.text()).isNotBlank().doesNotContain("tracking", "Navigation menu", "Footer", "color");
        }
    }

    @Test
    void aServerWithoutTheJsonFormatIsReportedWithTheSettingToChange() {
        web.withoutJson();
        try (SearchBackend backend = open("url", web.base())) {
            assertThatThrownBy(() -> backend.search(SearchRequest.of("river", 3)))
                    .isInstanceOf(SearchUnavailableException.class).hasMessageContaining("HTTP 403")
                    .hasMessageContaining("add 'json' to search.formats in its settings.yml");
        }
    }

    @Test
    void anUnreachableServerIsASearchFailureNotAHang() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (SearchBackend backend = open("url", "http://127.0.0.1:" + closed)) {
            assertThatThrownBy(() -> backend.search(SearchRequest.of("river", 3)))
                    .isInstanceOf(SearchUnavailableException.class)
                    .hasMessageContaining("cannot connect to the SearXNG server at http://127.0.0.1:" + closed)
                    .hasMessageContaining("(setting url)");
        }
    }

    @Test
    void aMissingOrBadUrlIsTheUsersMistakeNamingTheSettingAndTheFix() {
        assertThatThrownBy(() -> open()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("search.searxng.url: no server URL given; pass --backend-setting url=");
        assertThatThrownBy(() -> open("url", "ftp://example.org")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("search.searxng.url: 'ftp://example.org' is not an http(s) URL");
        assertThatThrownBy(() -> open("url", web.base(), "timeout", "soon")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("search.searxng.timeout").hasMessageContaining("--backend-setting timeout=10");
        assertThatThrownBy(() -> open("url", web.base(), "fetch-max-bytes", "0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("search.searxng.fetch-max-bytes must be"
                        + " positive");
    }
}
