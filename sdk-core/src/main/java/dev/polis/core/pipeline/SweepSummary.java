package dev.polis.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Summarises a seed sweep: per metric its mean, minimum and maximum over the runs where it is defined (an undefined
 * value, NaN, is left out and counted as missing), and a CSV of every seed's run with its metrics.
 */
public final class SweepSummary {

    /**
     * One metric over the seeds.
     *
     * @param mean    the mean over the runs where it is defined, NaN when none
     * @param min     the smallest value, NaN when none
     * @param max     the largest value, NaN when none
     * @param defined how many runs define it
     * @param runs    how many runs finished
     */
    public record Stat(double mean, double min, double max, int defined, int runs) {
    }

    private SweepSummary() {
    }

    /** Returns each metric's summary over the finished runs, by metric name. */
    public static Map<String, Stat> of(List<SeedSweep.SeedRun> runs) {
        List<Map<String, Double>> finished = runs.stream().filter(SeedSweep.SeedRun::finished)
                .map(r -> r.result().metrics()).toList();
        TreeSet<String> names = new TreeSet<>();
        finished.forEach(m -> names.addAll(m.keySet()));
        Map<String, Stat> stats = new TreeMap<>();
        for (String name : names) {
            double sum = 0;
            double min = Double.NaN;
            double max = Double.NaN;
            int defined = 0;
            for (Map<String, Double> metrics : finished) {
                Double value = metrics.get(name);
                if (value == null || value.isNaN()) {
                    continue;
                }
                sum += value;
                min = defined == 0 ? value : Math.min(min, value);
                max = defined == 0 ? value : Math.max(max, value);
                defined++;
            }
            stats.put(name, new Stat(defined == 0 ? Double.NaN : sum / defined, min, max, defined, finished.size()));
        }
        return stats;
    }

    /**
     * Writes {@code file}: a header {@code run_id,seed,status,<metrics...>} and one row per seed; an undefined
     * metric is an empty cell, a failed run's error is its status.
     */
    public static void writeCsv(Path file, List<SeedSweep.SeedRun> runs) {
        TreeSet<String> names = new TreeSet<>();
        runs.stream().filter(SeedSweep.SeedRun::finished).forEach(r -> names.addAll(r.result().metrics().keySet()));
        List<String> lines = new ArrayList<>();
        lines.add("run_id,seed,status" + (names.isEmpty() ? "" : "," + String.join(",", names)));
        for (SeedSweep.SeedRun run : runs) {
            StringBuilder line = new StringBuilder(cell(run.runId())).append(',').append(run.seed()).append(',')
                    .append(run.finished() ? "finished" : cell("failed: " + run.error()));
            for (String name : names) {
                Double value = run.finished() ? run.result().metrics().get(name) : null;
                line.append(',').append(value == null || value.isNaN() ? "" : value.toString());
            }
            lines.add(line.toString());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep summary " + file, e);
        }
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"").replace('\n', ' ') + "\"" : text;
    }
}
