package dev.polis.core.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which folders the host searches for plugins.
 *
 * <p>Folders add up, in this order: every {@code --plugins-dir}, then the entries of {@code POLIS_PLUGINS_DIR}
 * (separated like {@code PATH}), then the installation's folder from the system property
 * {@code polis.plugins.dir} (the launcher sets it to the bundled plugins). When none of them is given,
 * {@code ./plugins} is used.
 */
final class PluginDirectories {

    /** The environment variable naming extra plugin folders. */
    static final String ENV = "POLIS_PLUGINS_DIR";

    /** The system property naming the installation's plugin folder. */
    static final String PROPERTY = "polis.plugins.dir";

    private PluginDirectories() {
    }

    /** Returns the folders to search, absolute and without duplicates. */
    static List<Path> resolve(List<Path> fromOptions, Map<String, String> env, String property) {
        Set<Path> dirs = new LinkedHashSet<>();
        fromOptions.forEach(dir -> dirs.add(normalize(dir)));
        String fromEnv = env.get(ENV);
        if (fromEnv != null) {
            for (String entry : fromEnv.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(normalize(Path.of(entry.strip())));
                }
            }
        }
        if (property != null && !property.isBlank()) {
            dirs.add(normalize(Path.of(property.strip())));
        }
        if (dirs.isEmpty()) {
            dirs.add(normalize(Path.of("plugins")));
        }
        return List.copyOf(dirs);
    }

    private static Path normalize(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
