package dev.polis.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.polis.core.run.RecordingOptions;

/**
 * Configures and opens a {@link Polis}: where plugins come from, which environment variables and system
 * properties configuration sees, and how runs are recorded.
 *
 * <p>Without {@link #pluginsDir}, plugins come from the folders in {@code POLIS_PLUGINS_DIR} (several
 * separated by the platform's path separator) or else from {@code ./plugins} when it exists.
 */
public final class PolisBuilder {

    private final List<Path> pluginDirs = new ArrayList<>();
    private boolean classpathExtensions = true;
    private Map<String, String> environment = System.getenv();
    private Map<String, String> systemProperties;
    private RecordingOptions recording;

    PolisBuilder() {
    }

    /** Adds a folder of plugin zips or unpacked plugins; may be called several times. */
    public PolisBuilder pluginsDir(Path folder) {
        pluginDirs.add(Objects.requireNonNull(folder, "folder"));
        return this;
    }

    /** Sets whether extensions indexed on the class path are loaded too (default true). */
    public PolisBuilder classpathExtensions(boolean enabled) {
        classpathExtensions = enabled;
        return this;
    }

    /** Sets the environment variables used for {@code ${NAME}} substitution and overrides (default: the process's). */
    public PolisBuilder environment(Map<String, String> variables) {
        environment = Map.copyOf(variables);
        return this;
    }

    /** Sets the system properties used for overrides, which win over variables (default: the process's). */
    public PolisBuilder systemProperties(Map<String, String> properties) {
        systemProperties = Map.copyOf(properties);
        return this;
    }

    /** Sets the clock and progress display runs are recorded with. */
    public PolisBuilder recording(RecordingOptions options) {
        recording = Objects.requireNonNull(options, "options");
        return this;
    }

    /** Starts the plugin host and returns the opened facade. */
    public Polis build() {
        return new Polis(resolvedPluginDirs(), classpathExtensions, environment,
                systemProperties == null ? currentSystemProperties() : systemProperties,
                recording == null ? RecordingOptions.defaults() : recording);
    }

    List<Path> resolvedPluginDirs() {
        if (!pluginDirs.isEmpty()) {
            return List.copyOf(pluginDirs);
        }
        String variable = environment.get("POLIS_PLUGINS_DIR");
        if (variable != null && !variable.isBlank()) {
            return Arrays.stream(variable.split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(s -> Path.of(s.trim())).toList();
        }
        Path local = Path.of("plugins");
        return Files.isDirectory(local) ? List.of(local) : List.of();
    }

    private static Map<String, String> currentSystemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return properties;
    }
}
