package dev.polis.core.plugin;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * Loads zip-layout plugins with class loaders that always take the host's shared libraries from the host.
 *
 * <p>pf4j loads plugin classes first by default, so a plugin that bundles its own copy of the Polis API,
 * Guice or Jackson would see a second copy of their types, and its extensions would not be found. Classes
 * of these packages are therefore always delegated to the host; everything else stays plugin-first, so two
 * plugins may bundle different versions of the same third-party library.
 */
final class HostFirstPluginLoader extends DefaultPluginLoader {

    /** Package prefixes of the libraries the host provides to every plugin. */
    static final List<String> HOST_PACKAGES = List.of(
            "dev.polis.api.", "dev.polis.core.", "org.pf4j.", "com.google.inject.", "com.fasterxml.jackson.",
            "org.slf4j.", "picocli.", "org.apiguardian.", "jakarta.inject.");

    HostFirstPluginLoader(PluginManager pluginManager) {
        super(pluginManager);
    }

    @Override
    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor pluginDescriptor) {
        return new PluginClassLoader(pluginManager, pluginDescriptor, getClass().getClassLoader()) {
            @Override
            public Class<?> loadClass(String className) throws ClassNotFoundException {
                try {
                    return super.loadClass(className);
                } catch (ClassNotFoundException notInHost) {
                    if (!shouldDelegateToParent(className)) {
                        throw notInHost;
                    }
                    synchronized (getClassLoadingLock(className)) {
                        Class<?> loaded = findLoadedClass(className);
                        return loaded != null ? loaded : findClass(className);
                    }
                }
            }

            @Override
            protected boolean shouldDelegateToParent(String className) {
                for (String prefix : HOST_PACKAGES) {
                    if (className.startsWith(prefix)) {
                        return !className.startsWith("org.pf4j.test");
                    }
                }
                return false;
            }
        };
    }
}
