package dev.polis.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pf4j.PluginRuntimeException;

/** Turns pf4j's load and start failures into one-paragraph messages that say what to fix. */
final class LoadFailureMessages {

    private LoadFailureMessages() {
    }

    /** Describes why the plugin at {@code path} could not be loaded. */
    static String describe(Path path, Throwable failure) {
        if (!Files.isRegularFile(path.resolve("plugin.properties"))
                && !Files.isRegularFile(path.resolve("classes/META-INF/MANIFEST.MF"))) {
            return "no plugin descriptor: expected plugin.properties (with plugin.id and plugin.version) at the "
                    + "root of the plugin zip; build plugins with polis-plugin-parent";
        }
        return "cannot load: " + messageOf(failure);
    }

    /** Returns the most useful message of a failure and its causes. */
    static String messageOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof PluginRuntimeException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = message == null || message.isBlank() ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + message;
        return text.replaceAll("\\s+", " ").trim();
    }
}
