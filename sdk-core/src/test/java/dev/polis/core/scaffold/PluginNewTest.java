package dev.polis.core.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import dev.polis.core.cli.PolisCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polis plugin new} writes a whole plugin project: POM on polis-plugin-parent, this build's Maven wrapper,
 * an environment and an agent whose sources compile against the API (with their extension index), kit tests, a
 * pipeline file; bad ids, bad packages and a folder with files in it are refused with exit 2. (Building the project
 * with its own ./mvnw against installed artifacts is GeneratedPluginBuildTest in examples/pipeline-in-code.)
 */
class PluginNewTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int polis(String... args) {
        out.reset();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return PolisCli.execute(args, print, print, Map.of());
    }

    @Test
    void aNewPluginHasItsPomWrapperSourcesKitTestsAndPipeline() throws IOException {
        Path folder = temp.resolve("coin-game");
        assertThat(polis("plugin", "new", "coin-game", "--dir", folder.toString())).as(out.toString()).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote plugin coin-game (13 files)",
                "coin-game.pot (EnvironmentProvider)", "./mvnw -q verify");
        String pom = Files.readString(folder.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>polis-plugin-parent</artifactId>", "<relativePath/>",
                "<plugin.id>coin-game</plugin.id>").doesNotContain("@@");
        assertThat(Files.readString(folder.resolve("mvnw"))).isEqualTo(Files.readString(Path.of("../mvnw")));
        assertThat(Files.isExecutable(folder.resolve("mvnw"))).isTrue();
        assertThat(folder.resolve(".mvn/find-jdk.sh")).hasSameTextualContentAs(Path.of("../.mvn/find-jdk.sh"));
        assertThat(folder.resolve(".mvn/wrapper/maven-wrapper.properties")).exists();
        assertThat(Files.readString(folder.resolve("pipeline.yaml"))).contains("id: coin-game.pot",
                "provider: coin-game.share");
        Path tests = folder.resolve("src/test/java/com/example/coingame");
        assertThat(tests.resolve("PotEnvironmentCompatibilityTest.java")).content()
                .contains("extends EnvironmentCompatibilityKit");
        assertThat(tests.resolve("ArchitectureTest.java")).content().contains("return \"com.example.coingame\";");
    }

    @Test
    void itsSourcesCompileAgainstTheApiAndIndexBothExtensions() throws IOException {
        Path folder = temp.resolve("p");
        assertThat(polis("plugin", "new", "coin-game", "--dir", folder.toString(), "--package", "org.lab.coins"))
                .isZero();
        Path classes = Files.createDirectories(temp.resolve("classes"));
        List<File> sources;
        try (Stream<Path> files = Files.walk(folder.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(new java.io.PrintWriter(diagnostics, true, StandardCharsets.UTF_8), files, null,
                    List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                            "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor", "-Xlint:all,-processing", "-Werror"),
                    null, files.getJavaFileObjectsFromFiles(sources)).call();
            assertThat(ok).as(diagnostics.toString(StandardCharsets.UTF_8)).isTrue();
        }
        assertThat(classes.resolve("META-INF/extensions.idx")).content()
                .contains("org.lab.coins.PotEnvironmentProvider", "org.lab.coins.ShareAgentProvider");
    }

    @Test
    void aBadIdABadPackageOrAFolderWithFilesIsRefusedWithExitTwo() throws IOException {
        assertThat(polis("plugin", "new", "Coin_Game", "--dir", temp.resolve("a").toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plugin id 'Coin_Game'");
        assertThat(polis("plugin", "new", "coins", "--dir", temp.resolve("b").toString(), "--package", "Org.X"))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--package 'Org.X'");
        Path taken = Files.createDirectories(temp.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        assertThat(polis("plugin", "new", "coins", "--dir", taken.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("already exists and is not empty");
        assertThat(taken.resolve("pom.xml")).doesNotExist();
    }
}
