package dev.polis.core.plugin;

import java.util.Optional;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** Explains, in words a plugin user can act on, why a loaded plugin is not running. */
final class PluginDiagnosis {

    private final String systemVersion;

    PluginDiagnosis(String systemVersion) {
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
        return Optional.of("not started (state " + state + ")"
                + (failure == null ? "" : ": " + LoadFailureMessages.messageOf(failure)));
    }

    private String requiresMessage(PluginWrapper plugin) {
        String requires = plugin.getDescriptor().getRequires();
        return "requires Polis " + requires + " but this is Polis " + systemVersion
                + "; install a plugin version built for " + systemVersion + " or upgrade Polis";
    }
}
