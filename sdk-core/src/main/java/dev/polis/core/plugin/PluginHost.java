package dev.polis.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.Stage;
import dev.polis.api.PolisExtension;
import dev.polis.api.host.Extensions;
import dev.polis.core.registry.ExtensionRegistry;
import dev.polis.api.host.LoadedExtension;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, starts and wires plugins, and hands out their extensions.
 *
 * <p>Plugins come from zips (or unpacked folders) in the configured plugin folders and, when enabled,
 * from extensions indexed on the host's class path. A plugin that cannot be loaded or started is reported
 * with its reason and skipped; the others keep working. Extensions are created once, by the plugin's Guice
 * child injector, and handed out wrapped at the plugin boundary (see {@link LoadedExtension}). Extensions
 * may {@code @Inject} the host's {@link Extensions} and whatever the {@code services} modules bind (sdk-core's
 * {@code HostServicesModule}: models, settings, run folders, progress).
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.start(HostOptions.of(List.of(Path.of("plugins"))))) {
 *     host.reports().forEach(System.out::println);
 *     List<LoadedExtension<Guard>> guards = host.extensions(Guard.class);
 * }
 * }</pre>
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostOptions options;
    private final Injector injector;
    private final PolisPluginManager manager;
    private final LoadFailures loadFailures;
    private final ExtensionFailures extensionFailures = new ExtensionFailures();
    private final Map<Class<?>, List<? extends LoadedExtension<?>>> extensions = new ConcurrentHashMap<>();
    private final PluginDiagnosis diagnosis;

    private PluginHost(HostOptions options, Injector injector, PolisPluginManager manager, LoadFailures failures) {
        this.options = options;
        this.injector = injector;
        this.manager = manager;
        this.loadFailures = failures;
        this.diagnosis = new PluginDiagnosis(options.systemVersion());
    }

    /**
     * Loads and starts every plugin the options point at; never fails because of one plugin.
     *
     * @param services modules binding further host services in the root injector, which extensions may inject
     */
    public static PluginHost start(HostOptions options, Module... services) {
        AtomicReference<PluginHost> self = new AtomicReference<>();
        Injector root = Guice.createInjector(Stage.DEVELOPMENT, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                bind(HostOptions.class).toInstance(options);
                bind(PluginHost.class).toProvider(self::get);
                bind(ExtensionRegistry.class).toProvider(() -> new ExtensionRegistry(self.get()::extensions))
                        .in(Singleton.class);
                bind(Extensions.class).to(ExtensionRegistry.class);
                for (Module service : services) {
                    install(service);
                }
            }
        });
        LoadFailures failures = new LoadFailures();
        PolisPluginManager manager = new PolisPluginManager(options.pluginDirs(), cacheFolder(), failures, root);
        manager.setSystemVersion(options.systemVersion());
        manager.setExactVersionAllowed(false);
        try {
            manager.loadPlugins();
        } catch (RuntimeException e) {
            // A cycle among plugin dependencies stops pf4j's resolution as a whole.
            LOG.error("Plugins could not be resolved: {}", e.getMessage());
            failures.record(Path.of("<dependencies>"), LoadFailureMessages.messageOf(e));
        }
        PluginHost host = new PluginHost(options, root, manager, failures);
        self.set(host);
        manager.startPlugins();
        return host;
    }

    /** Returns a report on every plugin seen, failed ones included, ordered by id. */
    public List<PluginReport> reports() {
        List<PluginReport> reports = new ArrayList<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            String id = plugin.getPluginId();
            List<String> ids = extensionIdsOf(id);
            Optional<String> failure = diagnosis.failureOf(plugin).or(() -> extensionFailures.of(id));
            reports.add(new PluginReport(id, plugin.getDescriptor().getVersion(), plugin.getPluginState().toString(),
                    manager.originalPath(plugin.getPluginPath()).toString(), ids, failure));
        }
        loadFailures.all().forEach((path, reason) -> reports.add(new PluginReport(
                path.getFileName().toString(), "", PluginState.FAILED.toString(), path.toString(), List.of(),
                Optional.of(reason))));
        reports.addAll(loadFailures.unloadedPlugins());
        if (options.classpathExtensions()) {
            List<String> ids = extensionIdsOf(LoadedExtension.CLASSPATH);
            Optional<String> failure = extensionFailures.of(LoadedExtension.CLASSPATH);
            if (!ids.isEmpty() || failure.isPresent()) {
                reports.add(new PluginReport(LoadedExtension.CLASSPATH, options.systemVersion(),
                        PluginState.STARTED.toString(), "", ids, failure));
            }
        }
        reports.sort(Comparator.comparing(PluginReport::id));
        return List.copyOf(reports);
    }

    /** Returns the extensions of {@code type} from started plugins and the class path, in discovery order. */
    @SuppressWarnings("unchecked")
    public <T extends PolisExtension> List<LoadedExtension<T>> extensions(Class<T> type) {
        return (List<LoadedExtension<T>>) extensions.computeIfAbsent(type, t -> discover(type));
    }

    /** Returns the options the host was started with. */
    public HostOptions options() {
        return options;
    }

    /** Returns the host's root injector, parent of every plugin's child injector. */
    public Injector injector() {
        return injector;
    }

    /** Stops every plugin; their class loaders stay open, since native libraries cannot be unloaded. */
    @Override
    public void close() {
        manager.stopPlugins();
    }

    private <T extends PolisExtension> List<LoadedExtension<T>> discover(Class<T> type) {
        List<LoadedExtension<T>> found = new ArrayList<>();
        for (ExtensionWrapper<T> wrapper : manager.extensionWrappers(type)) {
            Class<?> extensionClass = wrapper.getDescriptor().extensionClass;
            PluginWrapper plugin = manager.whichPlugin(extensionClass);
            if (plugin == null && !options.classpathExtensions()) {
                continue;
            }
            String pluginId = plugin == null ? LoadedExtension.CLASSPATH : plugin.getPluginId();
            ClassLoader loader = plugin == null ? extensionClass.getClassLoader() : plugin.getPluginClassLoader();
            try {
                T instance = type.cast(wrapper.getExtension());
                String id = ContextClassLoader.call(loader, instance::id);
                if (id == null || id.isBlank()) {
                    throw new IllegalStateException("id() returned a blank id");
                }
                int rank = ContextClassLoader.call(loader, instance::rank);
                String label = type.getSimpleName() + " '" + id + "'";
                found.add(new LoadedExtension<>(type, id, pluginId, rank,
                        PluginBoundary.wrap(type, instance, pluginId, loader, label)));
            } catch (RuntimeException | LinkageError e) {
                String reason = "extension " + extensionClass.getName() + " cannot be created: "
                        + LoadFailureMessages.messageOf(e);
                LOG.warn("Plugin '{}': {}", pluginId, reason);
                extensionFailures.record(pluginId, reason);
            }
        }
        return List.copyOf(found);
    }

    private List<String> extensionIdsOf(String pluginId) {
        return extensionsOf(pluginId).stream().map(e -> e.type().getSimpleName() + ":" + e.id()).distinct().sorted()
                .toList();
    }

    /**
     * Returns the extensions {@code pluginId} supplies (or {@value LoadedExtension#CLASSPATH} for the class path),
     * by extension point name, then id; with rank, capabilities and description for {@code polis plugins}.
     */
    public List<LoadedExtension<?>> extensionsOf(String pluginId) {
        List<LoadedExtension<?>> found = new ArrayList<>();
        for (Class<? extends PolisExtension> point : ExtensionPoints.declaredBy(manager, pluginId)) {
            for (LoadedExtension<? extends PolisExtension> extension : extensions(point)) {
                if (extension.pluginId().equals(pluginId)) {
                    found.add(extension);
                }
            }
        }
        found.sort(Comparator.comparing((LoadedExtension<?> e) -> e.type().getSimpleName())
                .thenComparing(LoadedExtension::id));
        return List.copyOf(found);
    }

    private static Path cacheFolder() {
        String configured = System.getProperty("polis.plugin.cache");
        Path folder = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "polis-plugins-" + System.getProperty("user.name"));
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin cache folder " + folder
                    + "; set -Dpolis.plugin.cache to a writable folder", e);
        }
    }
}
