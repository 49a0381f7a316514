package dev.polis.core.cli.doctor;

import java.util.Locale;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;

/**
 * Reports the processors and the maximum heap the JVM may use, and warns when the heap is small.
 *
 * @param processors   the available processors
 * @param maxHeapBytes the maximum heap in bytes
 */
public record RuntimeResourcesCheck(int processors, long maxHeapBytes) implements DoctorCheck {

    /** Below this heap size model-backed runs are likely to run out of memory. */
    public static final long SMALL_HEAP_BYTES = 1L << 30;

    /** Returns the check for this JVM. */
    public static RuntimeResourcesCheck current() {
        Runtime runtime = Runtime.getRuntime();
        return new RuntimeResourcesCheck(runtime.availableProcessors(), runtime.maxMemory());
    }

    @Override
    public String id() {
        return "resources";
    }

    @Override
    public CheckResult run() {
        String found = processors + " processors, max heap " + gib(maxHeapBytes);
        if (maxHeapBytes < SMALL_HEAP_BYTES) {
            return CheckResult.warn(found + " (less than " + gib(SMALL_HEAP_BYTES) + ")",
                    "give the JVM more memory, for example POLIS_JAVA_OPTS=-Xmx4g");
        }
        return CheckResult.pass(found);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
