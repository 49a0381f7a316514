package dev.polis.govsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code polis} command line in a child JVM on this test's class path, as a user runs it: a real process
 * that can be killed, limited ({@code ulimit}) or run twice at once.
 */
final class PolisProcess {

    /** What a finished process left: its exit status and output. */
    record Result(int exit, String out, String err) {
        /** Returns both streams, for assertion messages. */
        String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final List<String> jvmOptions = new ArrayList<>();
    private String shellPrefix = "";
    private final Path logs;

    /** Creates a launcher whose processes write their output to files under {@code logs}. */
    PolisProcess(Path logs) {
        this.logs = logs;
    }

    /** Sets a system property of the child JVM. */
    PolisProcess property(String name, Object value) {
        jvmOptions.add("-D" + name + "=" + value);
        return this;
    }

    /** Limits the size of files the child may write to {@code kib} KiB ({@code ulimit -f}). */
    PolisProcess fileSizeLimit(long kib) {
        shellPrefix = "ulimit -f " + kib + "; ";
        return this;
    }

    /** A started process and the files its output goes to. */
    record Launched(Process process, Path out, Path err) {

        /** Waits for the process (at most five minutes) and returns what it left. */
        Result await() {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("polis did not end within five minutes");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts {@code polis args...}; the caller waits for it. */
    Launched start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add("dev.polis.core.cli.PolisCli");
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logs);
            Path out = Files.createTempFile(logs, "polis", ".out");
            Path err = out.resolveSibling(out.getFileName() + ".err");
            ProcessBuilder builder;
            if (shellPrefix.isEmpty()) {
                builder = new ProcessBuilder(command);
            } else {
                builder = new ProcessBuilder("bash", "-c", shellPrefix + "exec \"$@\"", "polis");
                builder.command().addAll(command);
            }
            return new Launched(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code polis args...} to its end (at most five minutes) and returns what it left. */
    Result run(String... args) {
        return start(args).await();
    }
}
