package dev.polis.core.plugin;

import java.util.function.Supplier;

/**
 * Runs code with a given thread context class loader, restoring the previous one afterwards.
 *
 * <p>Libraries that discover services through the context class loader (DJL's engines, Jackson's
 * {@code findModules}, {@link java.util.ServiceLoader#load(Class)}) find a plugin's own resources only
 * when it is set to the plugin's loader; pf4j never sets it.
 */
final class ContextClassLoader {

    private ContextClassLoader() {
    }

    /** Runs {@code action} with {@code loader} as the thread context class loader. */
    static <T> T call(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs {@code action} with {@code loader} as the thread context class loader. */
    static void run(ClassLoader loader, Runnable action) {
        call(loader, () -> {
            action.run();
            return null;
        });
    }
}
