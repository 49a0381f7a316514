package dev.polis.api.host;

import java.util.Objects;
import java.util.Set;
import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;

/**
 * An extension instance the host found, with where it came from.
 *
 * <p>The instance is already wrapped at the plugin boundary: calls into it run with the plugin's class
 * loader as the thread context class loader, and failures are reported with the plugin's id.
 *
 * @param type      the extension point it was found under
 * @param id        its stable id
 * @param pluginId  the plugin that supplies it, or {@value #CLASSPATH} for extensions on the host class path
 * @param rank      its rank, higher preferred
 * @param instance  the (wrapped) extension
 * @param <T>       the extension point
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record LoadedExtension<T extends PolisExtension>(Class<T> type, String id, String pluginId, int rank,
                                                        T instance) {

    /** The plugin id given to extensions found on the host's class path rather than in a plugin. */
    public static final String CLASSPATH = "classpath";

    /** Checks the components. */
    public LoadedExtension {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(instance, "instance");
    }

    /** Returns the extension's capability tags. */
    public Set<String> capabilities() {
        return instance.capabilities();
    }

    /** Returns the extension's one-line description. */
    public String description() {
        return instance.description();
    }
}
