package dev.polis.mindsearch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures per thread count: median and fastest wall time over the rounds, the speed-up of the
 * median over the first thread count's median (the sequential run when it is {@code -j 1}), and documents
 * surfaced per minute (mean documents surfaced over the median wall time).
 *
 * @param threads          searchers at once
 * @param runs             timed runs
 * @param medianSeconds    median wall time
 * @param minSeconds       fastest wall time
 * @param speedup          the first thread count's median over this one's
 * @param nodes            mean searcher nodes per run
 * @param surfacedPerMinute documents surfaced per minute of wall time
 */
public record BenchSummary(int threads, int runs, double medianSeconds, double minSeconds, double speedup,
                           double nodes, double surfacedPerMinute) {

    /** Summarises {@code runs} per thread count, in the order of {@code threads}. */
    public static List<BenchSummary> of(List<Integer> threads, List<BenchRun> runs) {
        List<BenchSummary> out = new ArrayList<>();
        double base = 0;
        for (int t : threads) {
            List<BenchRun> mine = runs.stream().filter(r -> r.threads() == t).toList();
            double[] seconds = mine.stream().mapToDouble(BenchRun::seconds).sorted().toArray();
            double median = seconds.length % 2 == 1 ? seconds[seconds.length / 2]
                    : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
            if (out.isEmpty()) {
                base = median;
            }
            double surfaced = mine.stream().mapToInt(BenchRun::documentsSurfaced).average().orElse(0);
            out.add(new BenchSummary(t, mine.size(), median, seconds[0], base / median,
                    mine.stream().mapToInt(BenchRun::nodes).average().orElse(0), surfaced / median * 60));
        }
        return out;
    }

    /** Renders summaries as the table {@code polis mindsearch bench} prints. */
    public static String table(List<BenchSummary> summaries) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%8s %5s %12s %10s %9s %7s %18s%n",
                "threads", "runs", "median s", "min s", "speed-up", "nodes", "surfaced/minute"));
        for (BenchSummary s : summaries) {
            out.append(String.format(Locale.ROOT, "%8d %5d %12.2f %10.2f %8.2fx %7.1f %18.1f%n", s.threads(),
                    s.runs(), s.medianSeconds(), s.minSeconds(), s.speedup(), s.nodes(), s.surfacedPerMinute()));
        }
        return out.toString();
    }
}
