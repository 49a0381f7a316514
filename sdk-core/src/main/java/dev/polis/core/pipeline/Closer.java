package dev.polis.core.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what a run opened (models, agents, the environment) in reverse order, even when some fail,
 * keeping the first failure and attaching later ones as suppressed.
 */
final class Closer {

    private final Deque<Entry> resources = new ArrayDeque<>();

    /** Registers {@code resource}, described by {@code label} in failure messages, and returns it. */
    <T extends AutoCloseable> T register(String label, T resource) {
        resources.push(new Entry(label, resource));
        return resource;
    }

    /**
     * Closes everything registered, newest first.
     *
     * @param failure the failure the run ended with, or {@code null}
     * @return {@code failure} with close failures suppressed in it, or the first close failure, or {@code null}
     */
    Throwable closeAll(Throwable failure) {
        Throwable result = failure;
        while (!resources.isEmpty()) {
            Entry entry = resources.pop();
            try {
                entry.resource().close();
            } catch (Exception | LinkageError e) {
                RuntimeException wrapped = new IllegalStateException("closing " + entry.label() + " failed: "
                        + e.getMessage(), e);
                if (result == null) {
                    result = wrapped;
                } else {
                    result.addSuppressed(wrapped);
                }
            }
        }
        return result;
    }

    private record Entry(String label, AutoCloseable resource) {
    }
}
