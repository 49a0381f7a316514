package dev.polis.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.polis.core.cli.PolisCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin made by {@code polis plugin new} in a folder outside the tree builds with its own {@code ./mvnw} offline
 * against the installed Polis artifacts, quietly, passes its kits, loads in {@code polis plugins} with both
 * extensions and plays its pipeline with {@code polis run}.
 *
 * <p>Gated: it needs this version of Polis installed in the local Maven repository and takes about a minute, so it
 * runs only with {@code -Dpolis.test.pluginBuild=true}:
 * {@code ./mvnw -o -q install -DskipTests && ./mvnw -o -q -pl examples/pipeline-in-code test
 * -Dtest=GeneratedPluginBuildTest -Dpolis.test.pluginBuild=true}.
 */
@EnabledIfSystemProperty(named = "polis.test.pluginBuild", matches = "true")
class GeneratedPluginBuildTest {

    @Test
    @Timeout(900)
    void aGeneratedPluginBuildsOutsideTheTreeLoadsAndRuns(@TempDir Path temp) throws Exception {
        Path project = temp.resolve("coin-game");
        assertThat(polis(temp, "plugin", "new", "coin-game", "--dir", project.toString())).contains("Wrote plugin");

        Process build = new ProcessBuilder(project.resolve("mvnw").toString(), "-o", "-q", "-B", "verify")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(log).isZero();
        assertThat(log).as("a quiet build prints nothing").isBlank();
        assertThat(project.resolve("target/surefire-reports")).isDirectoryContaining(
                p -> p.getFileName().toString().equals("TEST-com.example.coingame.PotEnvironmentCompatibilityTest.xml"));

        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.copy(project.resolve("target/coin-game-1.0.0.zip"), plugins.resolve("coin-game-1.0.0.zip"));
        assertThat(polis(temp, "--plugins-dir", plugins.toString(), "plugins"))
                .contains("coin-game", "STARTED", "coin-game.pot", "coin-game.share");
        String pipeline = Files.readString(project.resolve("pipeline.yaml"))
                .replace("output: runs", "output: " + temp.resolve("runs"));
        Path file = Files.writeString(temp.resolve("pipeline.yaml"), pipeline);
        assertThat(polis(temp, "--plugins-dir", plugins.toString(), "run", file.toString())).contains("taken");
    }

    private static String polis(Path temp, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = PolisCli.execute(args, print, print, Map.of());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(List.of(args) + "\n" + text).isZero();
        return text;
    }
}
