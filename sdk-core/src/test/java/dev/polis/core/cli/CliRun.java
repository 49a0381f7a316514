package dev.polis.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The outcome of one in-process {@code polis} invocation, for tests.
 *
 * @param exitCode the exit status
 * @param out      what was printed to standard output
 * @param err      what was printed to standard error
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code polis args} with an empty environment, so the caller's POLIS_PLUGINS_DIR cannot leak in. */
    static CliRun polis(String... args) {
        return polis(Map.of(), args);
    }

    /** Runs {@code polis args} with the given environment variables. */
    static CliRun polis(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = PolisCli.execute(args, outStream, errStream, environment);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Returns both streams, for failure messages. */
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
