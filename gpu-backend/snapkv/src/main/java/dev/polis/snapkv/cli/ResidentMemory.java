package dev.polis.snapkv.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The process's resident memory ({@code VmRSS} of {@code /proc/self/status}), to show that the cache's memory is
 * really freed, not only counted, and what the resident memory is made of (anonymous memory, mapped file pages such
 * as the checkpoint's, the Java heap). Returns -1 where the file does not exist (not Linux).
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

    /**
     * Describes the resident memory now and what it is made of: {@code "resident 1900.0 MiB (anonymous 1300.0, file
     * pages 600.0); Java heap committed 80.0 MiB, at most 120.0 MiB"}. The file pages (the checkpoint's, mapped) count
     * in {@code VmHWM} but are given back under memory pressure; the heap's largest commitment is summed over its
     * pools' peaks, so it may exceed what was committed at any one time.
     */
    static String describeNow() {
        long heap = 0;
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getUsage().getCommitted();
                heapPeak += pool.getPeakUsage().getCommitted();
            }
        }
        return String.format(Locale.ROOT, "resident %.1f MiB (anonymous %.1f, file pages %.1f); Java heap "
                        + "committed %.1f MiB, at most %.1f MiB", mib(bytes()), mib(field("RssAnon:")),
                mib(field("RssFile:")), mib(heap), mib(heapPeak));
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
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
