package dev.polis.mindsearch.web;

import dev.polis.api.Settings;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.testkit.SearchBackendCompatibilityKit;
import dev.polis.testkit.TestSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** search.searxng honours the SearchBackend contract against a loopback server speaking SearXNG's JSON API. */
class SearxngBackendCompatibilityTest extends SearchBackendCompatibilityKit {

    @TempDir
    static Path dir;

    static WebFixture web;

    @BeforeAll
    static void startWeb() throws IOException {
        web = new WebFixture(Path.of("src/test/resources/corpus"), dir);
    }

    @AfterAll
    static void stopWeb() {
        web.close();
    }

    @Override
    protected SearchBackendProvider createProvider() {
        return new SearxngBackendProvider();
    }

    @Override
    protected Settings settings() {
        return TestSettings.of("url", web.base());
    }

    @Override
    protected List<String> queries() {
        return List.of("Kellmouth harbour town", "river", "Zephyr telescope 1871");
    }
}
