package dev.polis.core.plugin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Collects why a plugin's extensions could not be created, keyed by plugin id. */
final class ExtensionFailures {

    private final Map<String, Set<String>> reasons = new ConcurrentHashMap<>();

    /** Records one failure of {@code pluginId}'s extensions. */
    void record(String pluginId, String reason) {
        reasons.computeIfAbsent(pluginId, id -> ConcurrentHashMap.newKeySet()).add(reason);
    }

    /** Returns the failures of {@code pluginId} joined into one paragraph, if any. */
    Optional<String> of(String pluginId) {
        Set<String> found = reasons.get(pluginId);
        return found == null || found.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", found.stream().sorted().toList()));
    }
}
