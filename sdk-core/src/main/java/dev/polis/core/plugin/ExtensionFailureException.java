package dev.polis.core.plugin;

import java.io.Serial;
import dev.polis.api.PolisException;

/**
 * Signals that a call into a plugin's extension failed, naming the plugin, the extension and the method.
 *
 * <p>The host wraps every unexpected exception thrown across the plugin boundary in one of these, so that
 * a failure can always be traced to the plugin that caused it. {@link dev.polis.api.InvalidInputException}s
 * thrown by plugins pass through unchanged: they describe the user's input, not a plugin fault.
 */
public final class ExtensionFailureException extends PolisException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String pluginId;

    /** Creates the exception for a failure of {@code pluginId}'s code. */
    public ExtensionFailureException(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    /** Returns the id of the plugin whose code failed ({@code classpath} for class-path extensions). */
    public String pluginId() {
        return pluginId;
    }
}
