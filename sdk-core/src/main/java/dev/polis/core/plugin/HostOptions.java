package dev.polis.core.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Says where the host looks for plugins and which Polis version it claims to be.
 *
 * @param pluginDirs          folders holding plugin zips (or unpacked plugin folders); missing ones are skipped
 * @param classpathExtensions whether extensions indexed on the host class path are loaded too
 * @param systemVersion       the Polis version that plugins' {@code plugin.requires} is checked against
 */
public record HostOptions(List<Path> pluginDirs, boolean classpathExtensions, String systemVersion) {

    /** Checks the components and copies the list. */
    public HostOptions {
        pluginDirs = List.copyOf(pluginDirs);
        Objects.requireNonNull(systemVersion, "systemVersion");
    }

    /** Returns options for the given folders, with class-path extensions and this build's version. */
    public static HostOptions of(List<Path> pluginDirs) {
        return new HostOptions(pluginDirs, true, PolisVersion.current());
    }

    /** Returns options that load extensions from the class path only. */
    public static HostOptions classpathOnly() {
        return of(List.of());
    }
}
