package dev.polis.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.core.cli.PolisCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/sample-plugin, copied out of the tree with nothing but its POM, its sources and the Maven wrapper, builds
 * the way a stranger's plugin does: its parent {@code polis-plugin-parent} comes from the local Maven repository (the
 * POM's relativePath points at nothing there), the build is quiet, its kits pass, and {@code polis plugins} loads
 * the zip with its three extensions.
 *
 * <p>Gated like {@link GeneratedPluginBuildTest} (it needs this version of Polis installed and takes about half a
 * minute): {@code ./mvnw -o -q -pl examples/pipeline-in-code test -Dtest=SamplePluginBuildTest
 * -Dpolis.test.pluginBuild=true}.
 */
@EnabledIfSystemProperty(named = "polis.test.pluginBuild", matches = "true")
class SamplePluginBuildTest {

    private static final Path ROOT = OutOfTreeBuild.ROOT;

    @Test
    @Timeout(900)
    void theSamplePluginBuildsOutsideTheTreeAgainstTheInstalledParentAndLoads(@TempDir Path temp) throws Exception {
        Path project = temp.resolve("sample-plugin");
        OutOfTreeBuild.copy(ROOT.resolve("examples/sample-plugin/pom.xml"), project.resolve("pom.xml"));
        OutOfTreeBuild.copy(ROOT.resolve("examples/sample-plugin/src"), project.resolve("src"));
        OutOfTreeBuild.addWrapper(project);
        assertThat(project.resolve("../../plugins/parent/pom.xml")).as("no parent POM beside the copy").doesNotExist();

        OutOfTreeBuild.verifyQuietly(project);
        assertThat(project.resolve("target/surefire-reports")).isDirectoryContaining(p -> p.getFileName().toString()
                .equals("TEST-dev.polis.examples.commons.CommonsEnvironmentCompatibilityTest.xml"));

        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.copy(project.resolve("target/polis-example-plugin-1.0.0.zip"), plugins.resolve("sample.zip"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> args = List.of("--plugins-dir", plugins.toString(), "plugins");
        int status = PolisCli.execute(args.toArray(String[]::new), print, print, Map.of());
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("example-commons", "STARTED", "example.commons", "example.fixed", "example.fair-share");
    }
}
