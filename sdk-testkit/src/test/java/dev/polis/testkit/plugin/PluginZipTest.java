package dev.polis.testkit.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import dev.polis.api.PolisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

class PluginZipTest {

    private static final String HELLO = """
            package com.example.hello;

            import com.example.util.Shout;
            import dev.polis.api.PolisExtension;
            import org.pf4j.Extension;

            @Extension
            public class Hello implements PolisExtension {
                @Override
                public String id() {
                    return "example.hello";
                }

                @Override
                public String description() {
                    return Shout.loud("hello from a lib jar");
                }
            }
            """;

    private static final String SHOUT = """
            package com.example.util;

            public final class Shout {
                public static String loud(String text) {
                    return text.toUpperCase(java.util.Locale.ROOT);
                }
            }
            """;

    @TempDir
    Path plugins;

    private PluginZip hello() {
        return PluginZip.builder(plugins, "hello")
                .version("1.2.3")
                .requires(">=0.1.0")
                .dependencies("other@>=1.0")
                .provider("tests")
                .source("com.example.hello.Hello", HELLO)
                .jar("shout.jar", Map.of("com.example.util.Shout", SHOUT))
                .resource("prompts/greet.txt", "Say hello.");
    }

    @Test
    void writesDescriptorClassesExtensionIndexAndLibJars() throws IOException {
        Path zip = hello().build();

        assertThat(zip.getFileName()).hasToString("hello-1.2.3.zip");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(names(file)).contains("plugin.properties", "classes/META-INF/extensions.idx",
                    "classes/com/example/hello/Hello.class", "classes/prompts/greet.txt", "lib/shout.jar");
            Properties descriptor = new Properties();
            try (InputStream in = file.getInputStream(file.getEntry("plugin.properties"))) {
                descriptor.load(in);
            }
            assertThat(descriptor).containsEntry("plugin.id", "hello").containsEntry("plugin.version", "1.2.3")
                    .containsEntry("plugin.requires", ">=0.1.0").containsEntry("plugin.dependencies", "other@>=1.0")
                    .containsEntry("plugin.provider", "tests").doesNotContainKey("plugin.class");
            assertThat(text(file, "classes/META-INF/extensions.idx")).contains("com.example.hello.Hello");
            assertThat(jarEntries(file, "lib/shout.jar")).contains("com/example/util/Shout.class");
        }
    }

    @Test
    void pf4jLoadsTheZipAndFindsItsExtension() {
        hello().dependencies(null).build();

        PluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion("0.1.0");
        manager.loadPlugins();
        manager.startPlugins();
        try {
            assertThat(manager.getPlugin("hello").getPluginState()).isEqualTo(PluginState.STARTED);
            List<PolisExtension> extensions = manager.getExtensions(PolisExtension.class);
            assertThat(extensions).extracting(PolisExtension::id).containsExactly("example.hello");
            assertThat(extensions.get(0).description()).isEqualTo("HELLO FROM A LIB JAR");
        } finally {
            // unloadPlugin stops it first; pf4j 3.15.0's stopPlugins() throws ConcurrentModificationException here.
            manager.unloadPlugin("hello");
        }
    }

    @Test
    void canLeaveOutTheDescriptorOrTheExtensionIndex() throws IOException {
        Path noDescriptor = hello().fileName("no-descriptor.zip").withoutDescriptor().build();
        Path noIndex = hello().fileName("no-index.zip").withoutExtensionIndex().build();

        try (ZipFile file = new ZipFile(noDescriptor.toFile())) {
            assertThat(names(file)).doesNotContain("plugin.properties").contains("classes/com/example/hello/Hello.class");
        }
        try (ZipFile file = new ZipFile(noIndex.toFile())) {
            assertThat(names(file)).contains("plugin.properties").doesNotContain("classes/META-INF/extensions.idx");
        }
    }

    @Test
    void canWriteACorruptZip() {
        Path zip = PluginZip.builder(plugins, "broken").corrupt().build();

        assertThat(zip).exists();
        assertThatThrownBy(() -> new ZipFile(zip.toFile()).close()).isInstanceOf(ZipException.class);
    }

    @Test
    void sourcesThatDoNotCompileAreReportedWithJavacsMessage() {
        PluginZip zip = PluginZip.builder(plugins, "typo").source("com.example.Typo", "package com.example; class Typo { int x = ; }");

        assertThatThrownBy(zip::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not compile").hasMessageContaining("Typo");
    }

    private static List<String> names(ZipFile file) {
        return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
    }

    private static String text(ZipFile file, String name) throws IOException {
        try (InputStream in = file.getInputStream(file.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> jarEntries(ZipFile file, String name) throws IOException {
        try (ZipInputStream jar = new ZipInputStream(file.getInputStream(file.getEntry(name)))) {
            List<String> entries = new java.util.ArrayList<>();
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                entries.add(entry.getName());
            }
            return entries;
        }
    }
}
