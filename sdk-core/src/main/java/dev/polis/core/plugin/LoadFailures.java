package dev.polis.core.plugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Collects why plugin files could not be loaded, keyed by the file the user put in a plugin folder. */
final class LoadFailures {

    private final Map<Path, String> reasons = new ConcurrentHashMap<>();
    private final Map<Path, Path> expandedFrom = new ConcurrentHashMap<>();

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
