package dev.polis.govsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.core.cli.PolisCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine-overhead benchmark: 1,005 reference-policy runs (5 societies × 3 scenarios × 67 seeds) through
 * {@code polis govsim}, records and report included. Enabled with {@code -Dgovsim.bench=true}.
 */
@EnabledIfSystemProperty(named = "govsim.bench", matches = "true")
class SweepBenchmarkTest {

    @TempDir
    Path out;

    @Test
    void thousandRuns() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        for (int round = 0; round < 2; round++) {
            stdout.reset();
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            int status = PolisCli.execute(new String[] {"govsim", "--seeds", "1-67", "-j", "2", "-o",
                out.resolve("r" + round).toString()}, new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpuStart) / 1e9;
            System.out.printf("govsim benchmark round %d: 1005 runs in %.2f s (wall, incl. launcher), %.2f s CPU%n", round,
                    seconds, cpu);
            assertThat(status).isZero();
        }
        System.out.println(stdout.toString(StandardCharsets.UTF_8));
    }

    /** Returns the CPU time of the whole JVM (all threads, GC included): steadier than wall time on a shared machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
