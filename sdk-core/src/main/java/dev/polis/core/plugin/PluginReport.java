package dev.polis.core.plugin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows about one plugin: identity, state, the extensions it supplies, and why it failed.
 *
 * @param id         the plugin id, or the file name when the descriptor could not be read
 * @param version    the plugin version, or {@code ""}
 * @param state      the pf4j state ({@code STARTED}, {@code FAILED}, {@code DISABLED}, ...)
 * @param path       where it was loaded from, or {@code ""} for the class path
 * @param extensions the ids of the extensions it supplies, as {@code type:id}
 * @param failure    why it failed, in one paragraph, when it did
 */
public record PluginReport(String id, String version, String state, String path, List<String> extensions,
                           Optional<String> failure) {

    /** Checks the components and copies the list. */
    public PluginReport {
        Objects.requireNonNull(id, "id");
        version = version == null ? "" : version;
        Objects.requireNonNull(state, "state");
        path = path == null ? "" : path;
        extensions = List.copyOf(extensions);
        failure = failure == null ? Optional.empty() : failure;
    }

    /** Returns whether the plugin failed to load or start. */
    public boolean failed() {
        return failure.isPresent();
    }
}
