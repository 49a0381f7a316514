package dev.polis.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.PluginDependency;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** Explains, in words a plugin user can act on, why a loaded plugin is not running. */
final class PluginDiagnosis {

    private final PluginManager manager;
    private final String systemVersion;

    PluginDiagnosis(PluginManager manager, String systemVersion) {
        this.manager = manager;
        this.systemVersion = systemVersion;
    }

    /** Returns why {@code plugin} is not started, or empty when it runs or was disabled on purpose. */
    Optional<String> failureOf(PluginWrapper plugin) {
        PluginState state = plugin.getPluginState();
        Throwable failure = plugin.getFailedException();
        if (state == PluginState.STARTED) {
            return Optional.empty();
        }
        if (state == PluginState.DISABLED) {
            return failure == null ? Optional.empty() : Optional.of(requiresMessage(plugin));
        }
        if (state == PluginState.FAILED) {
            return Optional.of("failed to start: " + (failure == null ? "unknown reason"
                    : LoadFailureMessages.messageOf(failure)));
        }
        List<String> problems = dependencyProblems(plugin);
        if (!problems.isEmpty()) {
            return Optional.of(String.join("; ", problems));
        }
        return Optional.of("not started (state " + state + ")"
                + (failure == null ? "" : ": " + LoadFailureMessages.messageOf(failure)));
    }

    private String requiresMessage(PluginWrapper plugin) {
        String requires = plugin.getDescriptor().getRequires();
        return "requires Polis " + requires + " but this is Polis " + systemVersion
                + "; install a plugin version built for " + systemVersion + " or upgrade Polis";
    }

    private List<String> dependencyProblems(PluginWrapper plugin) {
        List<String> problems = new ArrayList<>();
        for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
            if (dependency.isOptional()) {
                continue;
            }
            PluginWrapper other = manager.getPlugin(dependency.getPluginId());
            String wanted = dependency.getPluginVersionSupport();
            if (other == null) {
                problems.add("needs plugin '" + dependency.getPluginId() + "' (" + wanted
                        + "), which is not installed");
            } else if (!"*".equals(wanted) && !manager.getVersionManager()
                    .checkVersionConstraint(other.getDescriptor().getVersion(), wanted)) {
                problems.add("needs plugin '" + dependency.getPluginId() + "' " + wanted + " but version "
                        + other.getDescriptor().getVersion() + " is installed");
            } else if (other.getPluginState() != PluginState.STARTED) {
                problems.add("needs plugin '" + dependency.getPluginId() + "', which did not start");
            }
        }
        return problems;
    }
}
