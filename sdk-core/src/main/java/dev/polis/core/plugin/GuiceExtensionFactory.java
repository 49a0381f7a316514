package dev.polis.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Singleton;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates extensions through a Guice child injector per plugin, so extensions can inject host services.
 *
 * <p>Each plugin's child injector requires explicit bindings: it binds the plugin's extension classes as
 * singletons and installs the plugin's {@link PluginModule}s. Just-in-time bindings would otherwise land in
 * the root injector and keep the plugin's class loader alive. Extensions on the host class path share one
 * child injector of their own.
 */
final class GuiceExtensionFactory implements ExtensionFactory {

    private static final String CLASSPATH_KEY = "\u0000classpath";

    private final Injector root;
    private final PluginManager pluginManager;
    private final Map<String, Injector> children = new ConcurrentHashMap<>();

    GuiceExtensionFactory(Injector root, PluginManager pluginManager) {
        this.root = root;
        this.pluginManager = pluginManager;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        PluginWrapper plugin = pluginManager.whichPlugin(extensionClass);
        String key = plugin == null ? CLASSPATH_KEY : plugin.getPluginId();
        ClassLoader loader = plugin == null ? extensionClass.getClassLoader() : plugin.getPluginClassLoader();
        try {
            return ContextClassLoader.call(loader, () -> {
                Injector child = children.computeIfAbsent(key, k -> createChild(plugin));
                return child.getInstance(extensionClass);
            });
        } catch (RuntimeException e) {
            throw new PluginRuntimeException(e, "cannot create extension {}: {}", extensionClass.getName(),
                    e.getMessage());
        }
    }

    /** Drops the child injector of a stopped plugin. */
    void forget(String pluginId) {
        children.remove(pluginId);
    }

    private Injector createChild(PluginWrapper plugin) {
        String pluginId = plugin == null ? null : plugin.getPluginId();
        ClassLoader loader = plugin == null ? getClass().getClassLoader() : plugin.getPluginClassLoader();
        List<Class<?>> extensionClasses = new ArrayList<>();
        List<Module> modules = new ArrayList<>();
        for (String name : pluginManager.getExtensionClassNames(pluginId)) {
            Class<?> type;
            try {
                type = loader.loadClass(name);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // reported when the extension itself is requested
            }
            if (pluginId != null && pluginManager.whichPlugin(type) != plugin) {
                continue;
            }
            if (Module.class.isAssignableFrom(type)) {
                try {
                    modules.add((Module) type.getConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new PluginRuntimeException(e, "cannot create PluginModule {}: {}", name, e);
                }
            } else {
                extensionClasses.add(type);
            }
        }
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                for (Class<?> type : extensionClasses) {
                    bind(type).in(Singleton.class);
                }
            }
        });
        return root.createChildInjector(modules);
    }
}
