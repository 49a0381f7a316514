package dev.polis.mindsearch.web;

import dev.polis.api.Settings;
import dev.polis.api.host.HostEnvironment;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.testkit.SearchBackendCompatibilityKit;
import dev.polis.testkit.TestSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * search.brave honours the SearchBackend contract against a loopback server speaking the Brave Search web API, the
 * key read from {@code BRAVE_API_KEY} in the host's environment.
 */
class BraveBackendCompatibilityTest extends SearchBackendCompatibilityKit {

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
        return new BraveBackendProvider(HostEnvironment.of(Map.of("BRAVE_API_KEY", WebFixture.KEY)));
    }

    @Override
    protected Settings settings() {
        return TestSettings.of("url", web.base() + "/res/v1/web/search");
    }

    @Override
    protected List<String> queries() {
        return List.of("Kellmouth harbour town", "river", "Zephyr telescope 1871");
    }
}
