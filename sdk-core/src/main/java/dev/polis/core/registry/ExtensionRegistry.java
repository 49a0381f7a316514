package dev.polis.core.registry;

import java.util.List;
import java.util.Optional;
import dev.polis.api.PolisExtension;
import dev.polis.core.plugin.PluginHost;

/**
 * Looks extensions up by type and id, picks a default by rank, and explains its choice.
 *
 * <p>An unknown id fails with {@link UnknownExtensionException}, whose message lists the known ids and
 * suggests the closest one.
 */
public final class ExtensionRegistry {

    private final PluginHost host;

    /** Creates a registry over the extensions of {@code host}. */
    public ExtensionRegistry(PluginHost host) {
        this.host = host;
    }

    /** Returns every extension of {@code type}, best rank first, then by id. */
    public <T extends PolisExtension> List<LoadedExtension<T>> all(Class<T> type) {
        throw new UnsupportedOperationException("pending");
    }

    /** Returns the extension of {@code type} with {@code id}, if there is one. */
    public <T extends PolisExtension> Optional<T> find(Class<T> type, String id) {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Returns the extension of {@code type} with {@code id}.
     *
     * @throws UnknownExtensionException when none has that id
     */
    public <T extends PolisExtension> T get(Class<T> type, String id) {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Returns the extension named by {@code id}, or the best-ranked one when {@code id} is {@code null} or blank.
     *
     * @throws UnknownExtensionException when {@code id} is unknown or no extension of the type exists
     */
    public <T extends PolisExtension> T select(Class<T> type, String id) {
        return explain(type, id).chosen().instance();
    }

    /** Returns the choice {@link #select} would make, with its candidates and reason. */
    public <T extends PolisExtension> Selection<T> explain(Class<T> type, String id) {
        throw new UnsupportedOperationException("pending");
    }
}
