package dev.polis.core.config;

import java.nio.file.Path;

/**
 * Says which run this is and how long it lasts.
 *
 * @param id     the run id, which names its folder; {@code null} for a fresh id (timestamp and a short random part)
 * @param seed   the seed every random choice derives from; 0 by default
 * @param steps  the most environment steps to take; 100 by default
 * @param output the folder run folders are created in; {@code runs} by default
 */
public record RunConfig(String id, Long seed, Integer steps, String output) {

    /** The default step limit. */
    public static final int DEFAULT_STEPS = 100;

    /** The default output folder. */
    public static final String DEFAULT_OUTPUT = "runs";

    /** Fills in defaults. */
    public RunConfig {
        id = id == null || id.isBlank() ? null : id.trim();
        seed = seed == null ? 0L : seed;
        steps = steps == null ? DEFAULT_STEPS : steps;
        output = output == null || output.isBlank() ? DEFAULT_OUTPUT : output;
    }

    /** Returns a block with every default. */
    public static RunConfig defaults() {
        return new RunConfig(null, null, null, null);
    }

    /** Returns the output folder as a path. */
    public Path outputDirectory() {
        return Path.of(output);
    }
}
