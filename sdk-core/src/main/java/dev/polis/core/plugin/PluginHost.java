package dev.polis.core.plugin;

import java.util.List;
import com.google.inject.Injector;
import dev.polis.api.PolisExtension;
import dev.polis.core.registry.LoadedExtension;

/**
 * Finds, starts and wires plugins, and hands out their extensions.
 *
 * <p>Plugins come from zips (or unpacked folders) in the configured plugin folders and, when enabled,
 * from extensions indexed on the host's class path. A plugin that cannot be loaded or started is reported
 * with its reason and skipped; the others keep working.
 */
public final class PluginHost implements AutoCloseable {

    private PluginHost() {
    }

    /** Loads and starts every plugin the options point at. */
    public static PluginHost start(HostOptions options) {
        throw new UnsupportedOperationException("pending");
    }

    /** Returns a report on every plugin seen, failed ones included, ordered by id. */
    public List<PluginReport> reports() {
        throw new UnsupportedOperationException("pending");
    }

    /** Returns the extensions of {@code type} from started plugins and the class path. */
    public <T extends PolisExtension> List<LoadedExtension<T>> extensions(Class<T> type) {
        throw new UnsupportedOperationException("pending");
    }

    /** Returns the options the host was started with. */
    public HostOptions options() {
        throw new UnsupportedOperationException("pending");
    }

    /** Returns the host's root injector, parent of every plugin's child injector. */
    public Injector injector() {
        throw new UnsupportedOperationException("pending");
    }

    /** Stops every plugin. */
    @Override
    public void close() {
    }
}
