package dev.polis.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.polis.api.env.EnvironmentProvider;
import dev.polis.core.Polis;
import dev.polis.core.pipeline.RunResult;
import dev.polis.core.plugin.PluginReport;
import dev.polis.api.host.LoadedExtension;
import dev.polis.api.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the sample plugin from the zip its build produced, as an install does, and runs a pipeline on it. */
class SamplePluginZipTest {

    private static final Path PLUGINS = Path.of(System.getProperty("polis.test.plugins", "target/plugins"));

    @Test
    void theBuiltZipLoadsFromAPluginsFolderAndRuns(@TempDir Path temp) throws Exception {
        assertThat(PLUGINS.resolve("polis-example-plugin-1.0.0.zip")).isRegularFile();
        System.setProperty("polis.plugin.cache", Files.createDirectories(temp.resolve("cache")).toString());
        try (Polis polis = Polis.builder().pluginsDir(PLUGINS).classpathExtensions(false).build()) {
            PluginReport report = polis.host().reports().stream()
                    .filter(r -> r.id().equals("example-commons")).findFirst().orElseThrow();
            assertThat(report.state()).isEqualTo("STARTED");
            assertThat(report.version()).isEqualTo("1.0.0");
            assertThat(report.path()).endsWith(".zip");
            assertThat(polis.extensions().all(EnvironmentProvider.class))
                    .extracting(LoadedExtension::pluginId).containsExactly("example-commons");

            RunResult result = polis.pipeline()
                    .environment("example.commons", Map.of("months", 6))
                    .agent("a1", "example.fixed", Map.of("amount", 5))
                    .agent("a2", "example.fair-share", Map.of())
                    .seed(3).steps(6).output(temp.resolve("runs")).run();
            assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(result.metrics()).containsEntry("survivalMonths", 6.0);
        }
    }
}
