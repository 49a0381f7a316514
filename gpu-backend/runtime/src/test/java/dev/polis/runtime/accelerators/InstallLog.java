package dev.polis.runtime.accelerators;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ids of the test accelerators in the order they were installed, for tests of the installation order. */
public final class InstallLog {

    /** Every install since the last {@link #clear()}, oldest first. */
    public static final List<String> ORDER = new CopyOnWriteArrayList<>();

    private InstallLog() {
    }

    /** Forgets the recorded installs. */
    public static void clear() {
        ORDER.clear();
    }
}
