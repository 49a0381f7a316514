package dev.polis.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Builds a plugin project in a folder outside the tree the way its author would: the repository's wrapper, offline. */
final class OutOfTreeBuild {

    /** The repository root, seen from this module's folder (where surefire runs the tests). */
    static final Path ROOT = Path.of("../..");

    private OutOfTreeBuild() {
    }

    /** Copies the Maven wrapper ({@code mvnw}, {@code .mvn/}) into {@code project}, as a plugin project has it. */
    static void addWrapper(Path project) throws IOException {
        copy(ROOT.resolve("mvnw"), project.resolve("mvnw"));
        copy(ROOT.resolve(".mvn"), project.resolve(".mvn"));
    }

    /** Runs {@code ./mvnw -o -q -B verify} in {@code project} and checks that it succeeds and prints nothing. */
    static void verifyQuietly(Path project) throws IOException, InterruptedException {
        Process build = new ProcessBuilder(project.resolve("mvnw").toString(), "-o", "-q", "-B", "verify")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(log).isZero();
        assertThat(log).as("a quiet build prints nothing").isBlank();
    }

    /** Copies a file or a folder tree, keeping file attributes (the wrapper stays executable). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
