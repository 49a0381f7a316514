package dev.polis.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.polis.api.Settings;
import dev.polis.api.run.RunContext;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.api.search.SearchHit;
import dev.polis.api.search.SearchRequest;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.testkit.plugin.PluginZip;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads real plugin zips, each with one fault, from a folder beside a healthy plugin, and checks that the
 * fault is reported with the plugin's id and reason while the host and the healthy plugin keep working.
 */
class PluginFaultsIT {

    private static final SearchBackendContext CONTEXT = new SearchBackendContext(Settings.empty(),
            RunContext.detached(0));

    @TempDir
    Path plugins;

    @TempDir
    Path cache;

    @BeforeEach
    void isolateCache() {
        System.setProperty("polis.plugin.cache", cache.toString());
        PluginZip.builder(plugins, "healthy").source("com.healthy.Search", backend("com.healthy", "Search",
                "healthy.search", "return List.of(new SearchHit(\"h1\", \"\", \"healthy\", \"\", 1));")).build();
    }

    @Test
    void corruptZipIsReportedAndSkipped() {
        PluginZip.builder(plugins, "broken").corrupt().build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            assertThat(report(host, "broken-1.0.0.zip").failure()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("not a readable zip archive"));
            assertHealthyWorks(host);
        }
    }

    @Test
    void zipWithoutDescriptorIsReportedAndSkipped() {
        PluginZip.builder(plugins, "nameless").withoutDescriptor()
                .source("com.nameless.Search", backend("com.nameless", "Search", "nameless.search", "return List.of();"))
                .build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            assertThat(report(host, "nameless-1.0.0.zip").failure()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("no plugin descriptor").contains("plugin.properties"));
            assertHealthyWorks(host);
        }
    }

    @Test
    void pluginRequiringANewerPolisIsReportedAndSkipped() {
        PluginZip.builder(plugins, "future").requires(">=99.0.0")
                .source("com.future.Search", backend("com.future", "Search", "future.search", "return List.of();"))
                .build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            PluginReport future = report(host, "future");
            assertThat(future.state()).isEqualTo("DISABLED");
            assertThat(future.failure()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("requires Polis >=99.0.0").contains("this is Polis " + PolisVersion.current()));
            assertThat(registry(host).ids(SearchBackendProvider.class)).doesNotContain("future.search");
            assertHealthyWorks(host);
        }
    }

    @Test
    void pluginWhoseStartThrowsIsReportedAndSkipped() {
        PluginZip.builder(plugins, "crashy").pluginClass("com.crashy.CrashyPlugin")
                .source("com.crashy.CrashyPlugin", """
                        package com.crashy;
                        public class CrashyPlugin extends org.pf4j.Plugin {
                            @Override public void start() { throw new IllegalStateException("database unreachable"); }
                        }
                        """)
                .source("com.crashy.Search", backend("com.crashy", "Search", "crashy.search", "return List.of();"))
                .build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            PluginReport crashy = report(host, "crashy");
            assertThat(crashy.state()).isEqualTo("FAILED");
            assertThat(crashy.failure()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("failed to start").contains("database unreachable"));
            assertThat(registry(host).ids(SearchBackendProvider.class)).doesNotContain("crashy.search");
            assertHealthyWorks(host);
        }
    }

    @Test
    void twoPluginsBundlingDifferentVersionsOfOneLibraryEachSeeTheirOwn() {
        for (String version : List.of("1", "2")) {
            String pkg = "com.v" + version;
            PluginZip.builder(plugins, "lib-user-" + version)
                    .jar("textlib-" + version + ".jar", Map.of("org.textlib.Version", """
                            package org.textlib;
                            public final class Version { public static String get() { return "%s"; } }
                            """.formatted(version)))
                    .source(pkg + ".Search", backend(pkg, "Search", "lib.v" + version,
                            "return List.of(new SearchHit(org.textlib.Version.get(), \"\", \"\", \"\", 1));"))
                    .build();
        }
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            assertThat(search(host, "lib.v1").get(0).id()).isEqualTo("1");
            assertThat(search(host, "lib.v2").get(0).id()).isEqualTo("2");
            assertThat(host.reports()).noneMatch(PluginReport::failed);
        }
    }

    @Test
    void aClassUnderAHostPackageThatTheHostLacksComesFromThePluginsOwnJars() {
        PluginZip.builder(plugins, "extra-module")
                .jar("jackson-extra.jar", Map.of("com.fasterxml.jackson.datatype.extra.ExtraModule", """
                        package com.fasterxml.jackson.datatype.extra;
                        public final class ExtraModule { public static String name() { return "extra"; } }
                        """))
                .source("com.extra.Search", backend("com.extra", "Search", "extra.search",
                        "return List.of(new SearchHit(com.fasterxml.jackson.datatype.extra.ExtraModule.name(), "
                                + "String.valueOf(com.fasterxml.jackson.databind.ObjectMapper.class.getClassLoader() "
                                + "== SearchBackend.class.getClassLoader()), \"\", \"\", 1));"))
                .build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            SearchHit hit = search(host, "extra.search").get(0);
            assertThat(hit.id()).as("the plugin's own class under a host package").isEqualTo("extra");
            assertThat(hit.url()).as("Jackson itself still comes from the host").isEqualTo("true");
        }
    }

    @Test
    void extensionThatThrowsWhenCalledIsReportedWithItsPluginAndTheHostGoesOn() {
        PluginZip.builder(plugins, "flaky").source("com.flaky.Search", backend("com.flaky", "Search", "flaky.search",
                "throw new IllegalStateException(\"index corrupted\");")).build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            SearchBackend flaky = open(host, "flaky.search");
            assertThatThrownBy(() -> flaky.search(SearchRequest.of("q", 1)))
                    .isInstanceOf(ExtensionFailureException.class)
                    .hasMessageContaining("plugin 'flaky'")
                    .hasMessageContaining("search()")
                    .hasMessageContaining("index corrupted")
                    .satisfies(e -> assertThat(((ExtensionFailureException) e).pluginId()).isEqualTo("flaky"));
            assertHealthyWorks(host);
        }
    }

    @Test
    void extensionWhoseConstructorThrowsIsReportedUnderItsPlugin() {
        PluginZip.builder(plugins, "fragile").source("com.fragile.Search", """
                package com.fragile;
                import java.util.List;
                import dev.polis.api.search.*;
                @org.pf4j.Extension
                public class Search implements SearchBackendProvider {
                    public Search() { throw new IllegalArgumentException("missing index folder"); }
                    public String id() { return "fragile.search"; }
                    public SearchBackend open(SearchBackendContext context) { return null; }
                }
                """).build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            assertHealthyWorks(host);
            assertThat(report(host, "fragile").failure()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("com.fragile.Search").contains("missing index folder"));
        }
    }

    @Test
    void missingAndWrongVersionDependenciesAreReported() {
        PluginZip.builder(plugins, "orphan").dependencies("runtime@>=1.0.0")
                .source("com.orphan.Search", backend("com.orphan", "Search", "orphan.search", "return List.of();"))
                .build();
        PluginZip.builder(plugins, "picky").dependencies("healthy@>=2.0.0")
                .source("com.picky.Search", backend("com.picky", "Search", "picky.search", "return List.of();"))
                .build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            assertThat(report(host, "orphan").failure()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("needs plugin 'runtime'").contains("not installed"));
            assertThat(report(host, "picky").failure()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("needs plugin 'healthy' >=2.0.0").contains("1.0.0 is installed"));
            assertThat(report(host, "orphan").state()).isEqualTo("UNRESOLVED");
            assertHealthyWorks(host);
        }
    }

    @Test
    void callsRunWithThePluginClassLoaderAsContextClassLoader() {
        PluginZip.builder(plugins, "context").source("com.context.Search", backend("com.context", "Search",
                "context.search", "return List.of(new SearchHit(String.valueOf("
                        + "Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()), \"\", \"\", \"\", 1));"))
                .build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            SearchBackend backend = open(host, "context.search");
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            assertThat(backend.search(SearchRequest.of("q", 1)).get(0).id()).isEqualTo("true");
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        }
    }

    @Test
    void extensionsCanInjectTheHostsExtensionsThroughThePluginInjector() {
        PluginZip.builder(plugins, "meta").source("com.meta.Search", """
                package com.meta;
                import dev.polis.api.host.Extensions;
                import dev.polis.api.search.*;
                @org.pf4j.Extension
                public class Search implements SearchBackendProvider {
                    private final Extensions extensions;
                    @com.google.inject.Inject public Search(Extensions extensions) { this.extensions = extensions; }
                    public String id() { return "meta.search"; }
                    public SearchBackend open(SearchBackendContext context) {
                        return extensions.get(SearchBackendProvider.class, "healthy.search").open(context);
                    }
                }
                """).build();
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            assertThat(search(host, "meta.search")).extracting(SearchHit::title).containsExactly("healthy");
        }
    }

    @Test
    void reportsListEachPluginsExtensionsAndVersion() {
        try (PluginHost host = PluginHost.start(HostOptions.of(List.of(plugins)))) {
            PluginReport healthy = report(host, "healthy");
            assertThat(healthy.version()).isEqualTo("1.0.0");
            assertThat(healthy.state()).isEqualTo("STARTED");
            assertThat(healthy.extensions()).containsExactly("SearchBackendProvider:healthy.search");
            assertThat(healthy.path()).endsWith("healthy-1.0.0.zip");
            assertThat(Files.list(plugins).toList()).as("the plugin folder is never written to").hasSize(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertHealthyWorks(PluginHost host) {
        assertThat(report(host, "healthy").failed()).isFalse();
        assertThat(search(host, "healthy.search")).extracting(SearchHit::title).containsExactly("healthy");
    }

    private static ExtensionRegistry registry(PluginHost host) {
        return new ExtensionRegistry(host::extensions);
    }

    private static SearchBackend open(PluginHost host, String id) {
        return registry(host).get(SearchBackendProvider.class, id).open(CONTEXT);
    }

    /** Opens backend {@code id}, searches it for one query and closes it. */
    private static List<SearchHit> search(PluginHost host, String id) {
        try (SearchBackend backend = open(host, id)) {
            return backend.search(SearchRequest.of("q", 1));
        }
    }

    private static PluginReport report(PluginHost host, String id) {
        return host.reports().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no report for " + id + " in " + host.reports()));
    }

    private static String backend(String pkg, String name, String id, String searchBody) {
        return """
                package %s;
                import java.util.List;
                import dev.polis.api.search.*;
                @org.pf4j.Extension
                public class %s implements SearchBackendProvider {
                    public String id() { return "%s"; }
                    public SearchBackend open(SearchBackendContext context) {
                        return new SearchBackend() {
                            public List<SearchHit> search(SearchRequest request) { %s }
                            public List<Page> fetch(FetchRequest request) { return List.of(); }
                            public void close() { }
                        };
                    }
                }
                """.formatted(pkg, name, id, searchBody);
    }
}
