package dev.polis.core.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection for the crash tests: with the system property {@value #PROPERTY} set to {@code n}, the process
 * kills itself with SIGKILL at the {@code n}-th write step of the records (an append, possibly half written, or a
 * step of an atomic replacement), so that a test can stop a real process at an exact, seeded point.
 *
 * <p>With {@value #TRACE} set to a file, every step is appended to it as a line {@code <n> <what>}, so that a test
 * can learn from an uninterrupted run how many steps there are and of what kind. Without the properties every
 * method returns at once.
 */
public final class CrashPoints {

    /** The system property that names the write step to die at (1-based). */
    public static final String PROPERTY = "polis.test.crash-at-write";

    /** The system property that names a file to list every write step in. */
    public static final String TRACE = "polis.test.crash-trace";

    private static final long TARGET = Long.getLong(PROPERTY, 0L);
    private static final String TRACE_FILE = System.getProperty(TRACE);
    private static final AtomicLong STEPS = new AtomicLong();

    private CrashPoints() {
    }

    /** Counts one write step ({@code what} says which) and returns whether the process must die at it. */
    static boolean hit(String what) {
        if (TARGET <= 0 && TRACE_FILE == null) {
            return false;
        }
        long step = STEPS.incrementAndGet();
        if (TRACE_FILE != null) {
            try {
                Files.writeString(Path.of(TRACE_FILE), step + " " + what + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return step == TARGET;
    }

    /** Counts one write step and dies at it when it is the one named by {@value #PROPERTY}. */
    static void step(String what) {
        if (hit(what)) {
            die();
        }
    }

    /** Kills this process with SIGKILL, as an operator or the kernel's OOM killer would; never returns. */
    static void die() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start()
                    .waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(10_000);
        } catch (IOException | InterruptedException e) {
            // fall through to halt
        }
        Runtime.getRuntime().halt(137);
    }
}
