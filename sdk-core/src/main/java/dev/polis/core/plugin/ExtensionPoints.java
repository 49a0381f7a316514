package dev.polis.core.plugin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import dev.polis.api.PolisExtension;
import dev.polis.api.host.LoadedExtension;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/** Finds which Polis extension points the extensions of one plugin implement. */
final class ExtensionPoints {

    private ExtensionPoints() {
    }

    /** Returns the extension point interfaces implemented by {@code pluginId}'s indexed extensions. */
    static Set<Class<? extends PolisExtension>> declaredBy(PluginManager manager, String pluginId) {
        boolean classpath = LoadedExtension.CLASSPATH.equals(pluginId);
        PluginWrapper plugin = classpath ? null : manager.getPlugin(pluginId);
        if (!classpath && (plugin == null || plugin.getPluginState() != org.pf4j.PluginState.STARTED)) {
            return Set.of();
        }
        ClassLoader loader = classpath ? ExtensionPoints.class.getClassLoader() : plugin.getPluginClassLoader();
        Set<Class<? extends PolisExtension>> points = new LinkedHashSet<>();
        for (String name : manager.getExtensionClassNames(classpath ? null : pluginId)) {
            try {
                collect(loader.loadClass(name), points);
            } catch (ClassNotFoundException | LinkageError e) {
                // reported when the extension is created
            }
        }
        return points;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> type, Set<Class<? extends PolisExtension>> points) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.push(type);
        while (!pending.isEmpty()) {
            Class<?> current = pending.pop();
            if (current.isInterface() && current != PolisExtension.class
                    && PolisExtension.class.isAssignableFrom(current)) {
                points.add((Class<? extends PolisExtension>) current);
            }
            for (Class<?> parent : current.getInterfaces()) {
                pending.push(parent);
            }
            if (current.getSuperclass() != null) {
                pending.push(current.getSuperclass());
            }
        }
    }
}
