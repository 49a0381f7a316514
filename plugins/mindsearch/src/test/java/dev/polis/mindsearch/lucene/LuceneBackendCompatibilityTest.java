package dev.polis.mindsearch.lucene;

import dev.polis.api.Settings;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.testkit.SearchBackendCompatibilityKit;
import dev.polis.testkit.TestSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** search.lucene honours the SearchBackend contract over an index of the fixture corpus. */
class LuceneBackendCompatibilityTest extends SearchBackendCompatibilityKit {

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildIndex() {
        LuceneIndexer.build(Path.of("src/test/resources/corpus"), dir.resolve("index"), 200);
    }

    @Override
    protected SearchBackendProvider createProvider() {
        return new LuceneBackendProvider();
    }

    @Override
    protected Settings settings() {
        return TestSettings.of("index", dir.resolve("index").toString());
    }

    @Override
    protected List<String> queries() {
        return List.of("Kellmouth harbour town", "river", "Zephyr telescope 1871");
    }
}
