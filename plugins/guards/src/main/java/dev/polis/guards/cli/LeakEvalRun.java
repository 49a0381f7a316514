package dev.polis.guards.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.polis.guards.eval.LeakCase;
import dev.polis.guards.eval.LeakReport;
import dev.polis.guards.eval.LeakScored;
import dev.polis.guards.eval.LeakSuite;
import dev.polis.guards.leak.LeakDetector;

/**
 * The leak mode of {@code polis guard eval}: reads leak suites, checks every case's output against its own system
 * prompt and canaries with the leak guard's detector, and prints {@link LeakReport}'s figures.
 *
 * @param detector the detector, built from the same settings the leak guard reads
 * @param settings the settings in words, for the report's header
 */
record LeakEvalRun(LeakDetector detector, String settings) {

    /** Scores every case of {@code files} and prints the report to {@code out}. */
    void run(List<Path> files, PrintWriter out, int worst) {
        List<LeakCase> cases = new ArrayList<>();
        files.forEach(f -> cases.addAll(LeakSuite.read(f)));
        long start = System.nanoTime();
        List<LeakScored> scored = cases.stream()
                .map(c -> new LeakScored(c, detector.inspect(c.output(), c.system(), c.canaries()))).toList();
        double ms = (System.nanoTime() - start) / 1e6;
        out.println("# polis guard eval (leak mode)");
        out.println(String.format(Locale.ROOT, "%d cases from %d file(s); leak guard settings: %s; detector time "
                + "%.1f ms in all", cases.size(), files.size(), settings, ms));
        out.println();
        new LeakReport(scored).print(out, worst);
        out.flush();
    }
}
