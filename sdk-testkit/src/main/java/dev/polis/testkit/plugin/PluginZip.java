package dev.polis.testkit.plugin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Builds a real pf4j plugin zip for a test: {@code plugin.properties} at the root, {@code classes/} compiled from
 * Java sources with pf4j's annotation processor (so {@code classes/META-INF/extensions.idx} lists the
 * {@code @Extension} classes), and {@code lib/} jars compiled from sources too.
 *
 * <pre>{@code
 * Path zip = PluginZip.builder(pluginsDir, "greetings")
 *         .version("1.0.0")
 *         .requires(">=0.1.0")
 *         .source("com.example.Hello", "package com.example; ...")
 *         .jar("util.jar", Map.of("com.example.util.Text", "package com.example.util; ..."))
 *         .build();
 * }</pre>
 *
 * <p>It can also leave out the descriptor ({@link #withoutDescriptor()}), skip the extension index
 * ({@link #withoutExtensionIndex()}) or write bytes that are no zip at all ({@link #corrupt()}), to test how a host
 * treats broken plugins. Each builder builds once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PluginZip {

    private final Path directory;
    private final String pluginId;
    private final Map<String, String> descriptor = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> jars = new LinkedHashMap<>();
    private final List<Path> classPath = new ArrayList<>();
    private String fileName;
    private boolean writeDescriptor = true;
    private boolean indexExtensions = true;
    private boolean corrupt;

    private PluginZip(Path directory, String pluginId) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        descriptor.put("plugin.id", pluginId);
        descriptor.put("plugin.version", "1.0.0");
    }

    /** Starts a zip for plugin {@code pluginId}, to be written into {@code directory}; its version is 1.0.0 until set. */
    public static PluginZip builder(Path directory, String pluginId) {
        return new PluginZip(directory, pluginId);
    }

    /** Sets {@code plugin.version}. */
    public PluginZip version(String version) {
        return property("plugin.version", version);
    }

    /** Sets {@code plugin.requires}, the host versions the plugin accepts (for example {@code >=0.1.0}). */
    public PluginZip requires(String expression) {
        return property("plugin.requires", expression);
    }

    /** Sets {@code plugin.dependencies} (for example {@code other@>=1.0, optional?}). */
    public PluginZip dependencies(String dependencies) {
        return property("plugin.dependencies", dependencies);
    }

    /** Sets {@code plugin.class}, a subclass of {@code org.pf4j.Plugin} among the sources. */
    public PluginZip pluginClass(String className) {
        return property("plugin.class", className);
    }

    /** Sets {@code plugin.provider}. */
    public PluginZip provider(String provider) {
        return property("plugin.provider", provider);
    }

    /** Sets {@code plugin.description}. */
    public PluginZip description(String description) {
        return property("plugin.description", description);
    }

    /** Sets any descriptor property; a {@code null} value removes it. */
    public PluginZip property(String key, String value) {
        if (value == null) {
            descriptor.remove(key);
        } else {
            descriptor.put(key, value);
        }
        return this;
    }

    /** Adds the source of class {@code className} (fully qualified) to {@code classes/}. */
    public PluginZip source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds a resource under {@code classes/} (for example {@code prompts/ask.txt}). */
    public PluginZip resource(String path, String content) {
        resources.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds {@code lib/<name>} compiled from {@code sources} (class name to source); the plugin's sources can use it. */
    public PluginZip jar(String name, Map<String, String> jarSources) {
        jars.put(name, new LinkedHashMap<>(jarSources));
        return this;
    }

    /** Adds class path entries for compiling the sources, beside the running test's class path. */
    public PluginZip classPath(Path... entries) {
        classPath.addAll(List.of(entries));
        return this;
    }

    /** Names the zip file; {@code <pluginId>-<version>.zip} unless set. */
    public PluginZip fileName(String name) {
        this.fileName = name;
        return this;
    }

    /** Leaves {@code plugin.properties} out, as in a plugin whose descriptor was forgotten. */
    public PluginZip withoutDescriptor() {
        this.writeDescriptor = false;
        return this;
    }

    /** Compiles without pf4j's annotation processor, so the zip holds no {@code extensions.idx}. */
    public PluginZip withoutExtensionIndex() {
        this.indexExtensions = false;
        return this;
    }

    /** Writes bytes that are not a zip under the zip's name, as a truncated download would leave. */
    public PluginZip corrupt() {
        this.corrupt = true;
        return this;
    }

    /** Compiles, packs and writes the zip; returns its path. */
    public Path build() {
        Path zip = directory.resolve(fileName != null ? fileName : pluginId + "-" + descriptor.getOrDefault("plugin.version", "0.0.0") + ".zip");
        try {
            Files.createDirectories(directory);
            if (corrupt) {
                Files.write(zip, "PK\u0003\u0004 this is not a complete zip".getBytes(StandardCharsets.ISO_8859_1));
                return zip;
            }
            Path work = Files.createTempDirectory("polis-plugin-zip-" + pluginId + "-");
            try {
                pack(zip, work);
            } finally {
                deleteTree(work);
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build plugin zip " + zip, e);
        }
    }

    private void pack(Path zip, Path work) throws IOException {
        Path libs = work.resolve("lib");
        List<Path> compileClassPath = new ArrayList<>(classPath);
        for (Map.Entry<String, Map<String, String>> jar : jars.entrySet()) {
            Path jarClasses = work.resolve("jar-classes").resolve(jar.getKey());
            JavaSources.compile(jar.getValue(), jarClasses, compileClassPath, false);
            Path jarFile = libs.resolve(jar.getKey());
            Zips.write(jarFile, Map.of(), Map.of("", jarClasses));
            compileClassPath.add(jarFile);
        }
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        if (!sources.isEmpty()) {
            JavaSources.compile(sources, classes, compileClassPath, indexExtensions);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (writeDescriptor) {
            entries.put("plugin.properties", descriptorBytes());
        }
        resources.forEach((path, bytes) -> entries.put("classes/" + path, bytes));
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("classes/", classes);
        folders.put("lib/", libs);
        Zips.write(zip, entries, folders);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private byte[] descriptorBytes() throws IOException {
        Properties properties = new Properties();
        properties.putAll(descriptor);
        StringWriter text = new StringWriter();
        properties.store(text, "pf4j plugin descriptor written by PluginZip");
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
