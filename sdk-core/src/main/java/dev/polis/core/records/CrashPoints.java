package dev.polis.core.records;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection for the crash tests: with the system property {@value #PROPERTY} set to {@code n}, the process
 * kills itself with SIGKILL at the {@code n}-th write step of the records (an append, possibly half written, or a
 * step of an atomic replacement), so that a test can stop a real process at an exact, seeded point.
 *
 * <p>Without the property every method is a counter increment and nothing else happens.
 */
public final class CrashPoints {

    /** The system property that names the write step to die at (1-based). */
    public static final String PROPERTY = "polis.test.crash-at-write";

    private static final long TARGET = Long.getLong(PROPERTY, 0L);
    private static final AtomicLong STEPS = new AtomicLong();

    private CrashPoints() {
    }

    /** Counts one write step and returns whether the process must die at it. */
    static boolean hit() {
        return TARGET > 0 && STEPS.incrementAndGet() == TARGET;
    }

    /** Counts one write step and dies at it when it is the one named by {@value #PROPERTY}. */
    static void step() {
        if (hit()) {
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
