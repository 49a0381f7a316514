package dev.polis.mindsearch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polis.api.InvalidInputException;
import dev.polis.api.host.HostEnvironment;
import dev.polis.api.run.RunContext;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import dev.polis.testkit.TestSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * search.brave against a loopback server speaking the Brave Search web API, which checks the key header: where the
 * key comes from, what a missing or rejected key says, and what the results become.
 */
@Timeout(60)
class BraveBackendTest {

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

    private SearchBackend open(Map<String, String> environment, Object... settings) {
        Object[] all = new Object[settings.length + 2];
        all[0] = "url";
        all[1] = web.base() + "/res/v1/web/search";
        System.arraycopy(settings, 0, all, 2, settings.length);
        return new BraveBackendProvider(HostEnvironment.of(environment)).open(new SearchBackendContext(
                TestSettings.of(all), RunContext.detached(0)));
    }

    @Test
    void theKeyFromBraveApiKeyTravelsInTheSubscriptionTokenHeader() {
        try (SearchBackend backend = open(Map.of("BRAVE_API_KEY", WebFixture.KEY), "country", "gb")) {
            List<SearchHit> hits = backend.search(SearchRequest.of("Kellmouth river", 30));
            assertThat(hits).isNotEmpty();
        }
        WebFixture.Request request = web.requests().getLast();
        assertThat(request.headers()).containsEntry("x-subscription-token", WebFixture.KEY)
                .containsEntry("accept", "application/json");
        assertThat(request.query()).containsEntry("q", "Kellmouth river").containsEntry("count", "20")
                .containsEntry("country", "gb");
    }

    @Test
    void theKeyIsReadFromTheVariableApiKeyEnvNamesOrFromApiKeyItself() {
        try (SearchBackend backend = open(Map.of("MY_BRAVE", WebFixture.KEY), "api-key-env", "MY_BRAVE")) {
            assertThat(backend.search(SearchRequest.of("river", 3))).isNotEmpty();
        }
        try (SearchBackend backend = open(Map.of(), "api-key", WebFixture.KEY)) {
            assertThat(backend.search(SearchRequest.of("river", 3))).isNotEmpty();
        }
    }

    @Test
    void descriptionsLoseTheStrongMarksTheApiPutsAroundQueryWords() {
        try (SearchBackend backend = open(Map.of("BRAVE_API_KEY", WebFixture.KEY))) {
            assertThat(backend.search(SearchRequest.of("river", 3))).extracting(SearchHit::snippet)
                    .allSatisfy(s -> assertThat(s).isNotBlank().doesNotContain("<strong>", "</strong>"));
        }
    }

    @Test
    void aMissingKeyIsTheUsersMistakeNamingTheSettingTheVariableAndTheFix() {
        assertThatThrownBy(() -> open(Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("search.brave.api-key: no Brave Search API key")
                .hasMessageContaining("export BRAVE_API_KEY=<your key>")
                .hasMessageContaining("--backend-setting api-key=<your key>");
        assertThatThrownBy(() -> open(Map.of("BRAVE_API_KEY", WebFixture.KEY), "api-key-env", "OTHER"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("environment variable OTHER");
    }

    @Test
    void aKeyTheServerRejectsIsASearchFailureSayingWhichSettingToCheck() {
        try (SearchBackend backend = open(Map.of("BRAVE_API_KEY", "wrong-key"))) {
            assertThatThrownBy(() -> backend.search(SearchRequest.of("river", 3)))
                    .isInstanceOf(SearchUnavailableException.class).hasMessageContaining("HTTP 422")
                    .hasMessageContaining("the API refused the key; check setting api-key")
                    .hasMessageContaining("SUBSCRIPTION_TOKEN_INVALID");
        }
    }
}
