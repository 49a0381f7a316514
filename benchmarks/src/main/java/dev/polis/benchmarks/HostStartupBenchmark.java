package dev.polis.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.polis.api.Settings;
import dev.polis.api.run.RunContext;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.api.search.SearchRequest;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.testkit.plugin.PluginZip;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures how long the host takes to start with ten plugin zips and hand out one extension of each.
 *
 * <p>{@code cold} expands every zip into an empty cache, as on the first start after installing plugins;
 * {@code warm} reuses the expanded folders, as on every later start. Each operation starts a host, resolves
 * all ten extensions through the registry, calls each once and stops the host.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Dorg.slf4j.simpleLogger.log.org.pf4j=off"})
public class HostStartupBenchmark {

    private static final int PLUGINS = 10;

    @Param({"warm", "cold"})
    public String cache;

    private Path plugins;
    private Path cacheFolder;

    @Setup(Level.Trial)
    public void buildPlugins() throws IOException {
        plugins = Files.createTempDirectory("polis-bench-plugins");
        for (int i = 0; i < PLUGINS; i++) {
            String pkg = "bench.p" + i;
            PluginZip.builder(plugins, "bench-" + i).source(pkg + ".Search", """
                    package %s;
                    import java.util.List;
                    import dev.polis.api.search.*;
                    @org.pf4j.Extension
                    public class Search implements SearchBackendProvider {
                        public String id() { return "bench.search-%d"; }
                        public SearchBackend open(SearchBackendContext context) {
                            return new SearchBackend() {
                                public List<SearchHit> search(SearchRequest request) {
                                    return List.of(new SearchHit("%d", "", "", "", 1));
                                }
                                public List<Page> fetch(FetchRequest request) { return List.of(); }
                                public void close() { }
                            };
                        }
                    }
                    """.formatted(pkg, i, i)).build();
        }
        cacheFolder = Files.createTempDirectory("polis-bench-cache");
        System.setProperty("polis.plugin.cache", cacheFolder.toString());
    }

    @Setup(Level.Iteration)
    public void prepareCache() throws IOException {
        if (cache.equals("cold")) {
            deleteTree(cacheFolder);
            Files.createDirectories(cacheFolder);
        }
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        deleteTree(plugins);
        deleteTree(cacheFolder);
    }

    /** Starts a host over the ten plugins, resolves and calls every extension, and stops it. */
    @Benchmark
    public int startAndResolveTenPlugins() {
        try (PluginHost host = PluginHost.start(new HostOptions(List.of(plugins), false, "0.1.0"))) {
            ExtensionRegistry registry = new ExtensionRegistry(host::extensions);
            int found = 0;
            for (int i = 0; i < PLUGINS; i++) {
                try (SearchBackend backend = registry.get(SearchBackendProvider.class, "bench.search-" + i)
                        .open(new SearchBackendContext(Settings.empty(), RunContext.detached(0)))) {
                    found += backend.search(SearchRequest.of("q", 1)).size();
                }
            }
            if (found != PLUGINS) {
                throw new IllegalStateException("expected " + PLUGINS + " extensions but found " + found);
            }
            return found;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
