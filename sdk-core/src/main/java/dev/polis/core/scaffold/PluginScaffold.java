package dev.polis.core.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import dev.polis.api.InvalidInputException;

/**
 * Writes a new plugin project that builds, passes its compatibility kits and loads as it is, outside the Polis tree:
 * a POM whose parent is {@code polis-plugin-parent}, the Maven wrapper ({@code ./mvnw}, which finds a JDK 21+), an
 * environment and an agent with their kit tests, an architecture test, a pipeline file and a README.
 *
 * <p>The files are templates under {@value #ROOT}; {@code @@PLUGIN_ID@@}, {@code @@PACKAGE@@}, {@code @@GROUP@@}
 * and {@code @@POLIS_VERSION@@} are replaced. The wrapper files are this build's own (copied in by sdk-core's POM).
 */
public final class PluginScaffold {

    /** The class-path folder of the templates. */
    public static final String ROOT = "dev/polis/core/scaffold/";

    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

    /**
     * What to generate.
     *
     * @param pluginId     the plugin id, also the artifact id and the prefix of the extension ids
     * @param javaPackage  the Java package of the sources
     * @param group        the Maven group id
     * @param polisVersion the version of polis-plugin-parent the project inherits
     */
    public record Spec(String pluginId, String javaPackage, String group, String polisVersion) {

        /** Returns the spec of {@code pluginId} with the default group ({@code com.example}) and package. */
        public static Spec of(String pluginId, String polisVersion) {
            String tail = pluginId.replaceAll("[^a-z0-9]", "");
            return new Spec(pluginId, "com.example." + (Character.isDigit(tail.charAt(0)) ? "p" + tail : tail),
                    "com.example", polisVersion);
        }
    }

    private PluginScaffold() {
    }

    /**
     * Writes the project of {@code spec} into {@code folder}, which must not exist or be empty; returns the files
     * written, relative to it.
     *
     * @throws InvalidInputException naming the argument, for a bad id or package or a folder with files in it
     */
    public static List<Path> write(Spec spec, Path folder) {
        if (!PLUGIN_ID.matcher(spec.pluginId()).matches()) {
            throw new InvalidInputException("plugin id '" + spec.pluginId() + "': use lower-case letters and digits, "
                    + "parts joined by '.' or '-', starting with a letter (for example coin-game)");
        }
        if (!PACKAGE.matcher(spec.javaPackage()).matches()) {
            throw new InvalidInputException("--package '" + spec.javaPackage() + "': not a Java package name (lower "
                    + "case, parts joined by '.', for example com.example.coins)");
        }
        try {
            if (Files.exists(folder) && (!Files.isDirectory(folder) || hasFiles(folder))) {
                throw new InvalidInputException("folder " + folder.toAbsolutePath() + " already exists and is not "
                        + "empty; name a new folder with --dir");
            }
            Map<String, String> values = Map.of("@@PLUGIN_ID@@", spec.pluginId(), "@@PACKAGE@@", spec.javaPackage(),
                    "@@GROUP@@", spec.group(), "@@POLIS_VERSION@@", spec.polisVersion());
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, String> file : files(spec).entrySet()) {
                Path target = folder.resolve(file.getValue());
                Files.createDirectories(target.getParent());
                String text = read(file.getKey());
                if (file.getKey().endsWith(".tmpl")) {
                    for (Map.Entry<String, String> value : values.entrySet()) {
                        text = text.replace(value.getKey(), value.getValue());
                    }
                }
                Files.writeString(target, text, StandardCharsets.UTF_8);
                written.add(folder.relativize(target));
            }
            Path mvnw = folder.resolve("mvnw");
            if (Files.getFileStore(mvnw).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plugin project into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Returns each template's resource name (under {@value #ROOT}) and its path in the project. */
    private static Map<String, String> files(Spec spec) {
        String main = "src/main/java/" + spec.javaPackage().replace('.', '/') + "/";
        String test = "src/test/java/" + spec.javaPackage().replace('.', '/') + "/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("plugin/pom.xml.tmpl", "pom.xml");
        files.put("plugin/README.md.tmpl", "README.md");
        files.put("plugin/gitignore.tmpl", ".gitignore");
        files.put("plugin/pipeline.yaml.tmpl", "pipeline.yaml");
        files.put("wrapper/mvnw", "mvnw");
        files.put("wrapper/.mvn/find-jdk.sh", ".mvn/find-jdk.sh");
        files.put("wrapper/.mvn/wrapper/maven-wrapper.properties", ".mvn/wrapper/maven-wrapper.properties");
        for (String name : List.of("PotEnvironmentProvider", "PotEnvironment", "ShareAgentProvider")) {
            files.put("plugin/" + name + ".java.tmpl", main + name + ".java");
        }
        for (String name : List.of("PotEnvironmentCompatibilityTest", "ShareAgentCompatibilityTest",
                "ArchitectureTest")) {
            files.put("plugin/" + name + ".java.tmpl", test + name + ".java");
        }
        return files;
    }

    private static boolean hasFiles(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = PluginScaffold.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the plugin template " + ROOT + name + " is missing from sdk-core's "
                        + "jar; this is a bug in the Polis build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
