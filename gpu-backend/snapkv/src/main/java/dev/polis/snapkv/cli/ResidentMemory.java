package dev.polis.snapkv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory ({@code VmRSS} of {@code /proc/self/status}), to show that the cache's memory is
 * really freed, not only counted. Returns -1 where the file does not exist (not Linux).
 */
final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    /** Returns the resident bytes now, or -1 when unknown. */
    static long bytes() {
        return field("VmRSS:");
    }

    /** Returns the most bytes the process has held resident so far ({@code VmHWM}), or -1 when unknown. */
    static long peakBytes() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
