package dev.polis.core.plugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Collects why plugins could not be loaded: unreadable files by path, plugins taken out again by report. */
final class LoadFailures {

    private final Map<Path, String> reasons = new ConcurrentHashMap<>();
    private final Map<Path, Path> expandedFrom = new ConcurrentHashMap<>();
    private final java.util.List<PluginReport> unloaded = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Records a plugin that was loaded but had to be taken out again (for example a missing dependency). */
    void unloaded(PluginReport report) {
        unloaded.add(report);
    }

    /** Returns the reports of plugins taken out after loading. */
    java.util.List<PluginReport> unloadedPlugins() {
        return java.util.List.copyOf(unloaded);
    }

    /** Records why {@code file} could not be loaded. */
    void record(Path file, String reason) {
        reasons.put(originalOf(file), reason);
    }

    /** Remembers that {@code folder} was expanded from the zip {@code zip}. */
    void expanded(Path folder, Path zip) {
        expandedFrom.put(folder, zip);
    }

    /** Returns the file the user supplied for a (possibly expanded) plugin path. */
    Path originalOf(Path path) {
        return expandedFrom.getOrDefault(path, path);
    }

    /** Returns every recorded failure. */
    Map<Path, String> all() {
        return Map.copyOf(reasons);
    }
}
