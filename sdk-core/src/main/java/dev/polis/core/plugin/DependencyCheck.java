package dev.polis.core.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.VersionManager;

/**
 * Finds the plugins whose required dependencies are missing, of the wrong version, or themselves broken.
 *
 * <p>pf4j's own recovery for a wrong dependency version drops the <em>dependency</em>, so one plugin's
 * mistaken requirement would disable a healthy plugin; this check blames the dependent instead.
 */
final class DependencyCheck {

    private final VersionManager versions;

    DependencyCheck(VersionManager versions) {
        this.versions = versions;
    }

    /** Returns the broken plugins among {@code plugins}, by id, each with the reason in words. */
    Map<String, String> broken(List<PluginDescriptor> plugins) {
        Map<String, PluginDescriptor> byId = new LinkedHashMap<>();
        plugins.forEach(p -> byId.put(p.getPluginId(), p));
        Map<String, String> broken = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PluginDescriptor plugin : byId.values()) {
                if (broken.containsKey(plugin.getPluginId())) {
                    continue;
                }
                List<String> problems = problemsOf(plugin, byId, broken);
                if (!problems.isEmpty()) {
                    broken.put(plugin.getPluginId(), String.join("; ", problems));
                    changed = true;
                }
            }
        }
        return broken;
    }

    private List<String> problemsOf(PluginDescriptor plugin, Map<String, PluginDescriptor> byId,
                                    Map<String, String> broken) {
        List<String> problems = new ArrayList<>();
        for (PluginDependency dependency : plugin.getDependencies()) {
            if (dependency.isOptional()) {
                continue;
            }
            String id = dependency.getPluginId();
            String wanted = dependency.getPluginVersionSupport();
            PluginDescriptor other = byId.get(id);
            if (other == null) {
                problems.add("needs plugin '" + id + "' (" + wanted + "), which is not installed");
            } else if (!"*".equals(wanted) && !versions.checkVersionConstraint(other.getVersion(), wanted)) {
                problems.add("needs plugin '" + id + "' " + wanted + " but version " + other.getVersion()
                        + " is installed");
            } else if (broken.containsKey(id)) {
                problems.add("needs plugin '" + id + "', which cannot be loaded");
            }
        }
        return problems;
    }
}
