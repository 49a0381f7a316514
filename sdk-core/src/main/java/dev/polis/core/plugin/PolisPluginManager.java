package dev.polis.core.plugin;

import java.nio.file.Path;
import java.util.List;
import com.google.inject.Injector;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.RuntimeMode;

/**
 * pf4j's plugin manager adjusted to the host's needs: failures recorded instead of only logged, zips
 * expanded into a cache, host libraries shared, extensions created by Guice, and a broken plugin never
 * stopping the others.
 */
final class PolisPluginManager extends DefaultPluginManager {

    private final Path cache;
    private final LoadFailures failures;
    private final Injector root;
    private GuiceExtensionFactory guiceFactory;

    private final List<Path> roots;

    /**
     * Creates the manager; {@code cache} must exist. pf4j's own notion of plugin roots is pointed at the
     * cache so that it never falls back to {@code ./plugins} on its own; the real roots are {@code roots}.
     */
    PolisPluginManager(List<Path> roots, Path cache, LoadFailures failures, Injector root) {
        super(List.of(cache));
        this.roots = List.copyOf(roots);
        this.cache = cache;
        this.failures = failures;
        this.root = root;
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // Called from the super constructor, before this class's fields are set: read them at call time.
        return new PluginRepository() {
            @Override
            public java.util.List<Path> getPluginPaths() {
                return new ExpandingPluginRepository(roots, cache, failures).getPluginPaths();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return false;
            }
        };
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new CompoundPluginDescriptorFinder()
                .add(new PropertiesPluginDescriptorFinder())
                .add(new ManifestPluginDescriptorFinder());
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new HostFirstPluginLoader(this);
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new ContextClassLoaderPluginFactory();
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        // Called from the super constructor, before this class's fields are set: the factory is made lazily.
        return new ExtensionFactory() {
            @Override
            public <T> T create(Class<T> extensionClass) {
                return guiceFactory().create(extensionClass);
            }
        };
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (RuntimeException | LinkageError e) {
            failures.record(pluginPath, LoadFailureMessages.describe(pluginPath, e));
            return null;
        }
    }

    /**
     * Takes plugins with broken dependencies out before pf4j resolves the rest, recording why, so that one
     * plugin's unmet requirement never disables another plugin.
     */
    @Override
    protected void resolvePlugins() {
        List<org.pf4j.PluginDescriptor> descriptors = getPlugins().stream().map(PluginWrapper::getDescriptor).toList();
        new DependencyCheck(getVersionManager()).broken(descriptors).forEach((id, reason) -> {
            PluginWrapper plugin = getPlugin(id);
            failures.unloaded(new PluginReport(id, plugin.getDescriptor().getVersion(), "UNRESOLVED",
                    originalPath(plugin.getPluginPath()).toString(), List.of(), java.util.Optional.of(reason)));
            unloadPlugin(id, false, false);
        });
        super.resolvePlugins();
    }

    /** Stops the started plugins in reverse start order (pf4j 3.15's {@code stopPlugins} trips over itself). */
    @Override
    public void stopPlugins() {
        List<PluginWrapper> started = new java.util.ArrayList<>(getStartedPlugins());
        java.util.Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                stopPlugin(plugin.getPluginId(), false);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PolisPluginManager.class)
                        .warn("Plugin '{}' failed to stop: {}", plugin.getPluginId(), e.toString());
            }
        }
    }

    /** Returns the extension wrappers of {@code type} from started plugins and the class path. */
    <T> List<ExtensionWrapper<T>> extensionWrappers(Class<T> type) {
        return extensionFinder.find(type);
    }

    /** Returns the extension finder, for reports of one plugin's extensions. */
    ExtensionFinder finder() {
        return extensionFinder;
    }

    /** Returns the file the user supplied for a plugin path (the zip for an expanded folder). */
    Path originalPath(Path pluginPath) {
        return failures.originalOf(pluginPath);
    }

    private synchronized GuiceExtensionFactory guiceFactory() {
        if (guiceFactory == null) {
            guiceFactory = new GuiceExtensionFactory(root, this);
        }
        return guiceFactory;
    }
}
