package dev.polis.core.plugin;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's {@link Plugin} object and runs its lifecycle hooks with the plugin's class loader
 * as the thread context class loader.
 *
 * <p>A plugin class that cannot be loaded or instantiated fails with a message naming the class and the
 * cause (pf4j's default factory returns {@code null} and the start fails with a bare
 * {@code NullPointerException}).
 */
final class ContextClassLoaderPluginFactory implements PluginFactory {

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        ClassLoader loader = wrapper.getPluginClassLoader();
        Plugin delegate = ContextClassLoader.call(loader, () -> instantiate(className, loader, wrapper));
        return new Plugin() {
            @Override
            public void start() {
                ContextClassLoader.run(loader, delegate::start);
            }

            @Override
            public void stop() {
                ContextClassLoader.run(loader, delegate::stop);
            }

            @Override
            public void delete() {
                ContextClassLoader.run(loader, delegate::delete);
            }
        };
    }

    @SuppressWarnings("deprecation")
    private static Plugin instantiate(String className, ClassLoader loader, PluginWrapper wrapper) {
        if (className == null || className.isBlank() || className.equals(Plugin.class.getName())) {
            return new Plugin();
        }
        Class<?> type;
        try {
            type = loader.loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginRuntimeException(e, "plugin.class '{}' cannot be loaded: {}", className, e);
        }
        if (!Plugin.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new PluginRuntimeException("plugin.class '{}' must be a concrete subclass of {}",
                    className, Plugin.class.getName());
        }
        try {
            try {
                Constructor<?> withWrapper = type.getConstructor(PluginWrapper.class);
                return (Plugin) withWrapper.newInstance(wrapper);
            } catch (NoSuchMethodException e) {
                return (Plugin) type.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            throw new PluginRuntimeException(cause, "plugin.class '{}' cannot be instantiated: {}", className, cause);
        }
    }
}
