package dev.polis.runtime.engine;

import java.util.function.Supplier;

/**
 * Runs code with the thread context class loader set to this plugin's class loader, and restores it afterwards.
 *
 * <p>DJL finds its engines with {@code ServiceLoader} and its native libraries as resources through the context
 * class loader; pf4j does not set it, so every entry into DJL from this plugin goes through here.
 */
public final class ContextClassLoader {

    private ContextClassLoader() {
    }

    /** Returns what {@code action} returns, computed with the plugin's class loader as context class loader. */
    public static <T> T call(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContextClassLoader.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs {@code action} with the plugin's class loader as context class loader. */
    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
