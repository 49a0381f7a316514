package dev.polis.examples.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.polis.core.Polis;
import dev.polis.core.pipeline.RunResult;

/**
 * Runs a commons pipeline assembled in code: four fishers on the sample plugin's lake, two taking a fixed amount
 * and two their fair share, for twelve months.
 *
 * <p>Usage: {@code PipelineInCode [plugins-folder [output-folder]]}; the defaults are the distribution's
 * {@code distribution/target/polis/plugins} and {@code runs}. Extensions on the class path are found as well.
 */
public final class PipelineInCode {

    private PipelineInCode() {
    }

    /** Runs the pipeline and prints where its record lies and what it measured. */
    public static void main(String[] args) {
        Path plugins = Path.of(args.length > 0 ? args[0] : "distribution/target/polis/plugins");
        Path output = Path.of(args.length > 1 ? args[1] : "runs");
        RunResult result = run(plugins, output);
        System.out.println(result.summary());
        result.metrics().forEach((name, value) -> System.out.println("  " + name + " = " + value));
    }

    /** Opens Polis over {@code plugins} (when that folder exists) and runs the pipeline into {@code output}. */
    public static RunResult run(Path plugins, Path output) {
        var builder = Polis.builder();
        if (Files.isDirectory(plugins)) {
            builder.pluginsDir(plugins);
        }
        try (Polis polis = builder.build()) {
            return polis.pipeline()
                    .environment("example.commons", Map.of("capacity", 100, "regrowth", 2.0, "months", 12))
                    .agent("a1", "example.fixed", Map.of("amount", 10))
                    .agent("a2", "example.fixed", Map.of("amount", 10))
                    .agent("a3", "example.fair-share", Map.of())
                    .agent("a4", "example.fair-share", Map.of())
                    .seed(1)
                    .steps(12)
                    .output(output)
                    .run();
        }
    }
}
