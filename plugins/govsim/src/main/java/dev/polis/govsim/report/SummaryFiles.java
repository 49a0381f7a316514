package dev.polis.govsim.report;

import dev.polis.govsim.io.Json;
import dev.polis.govsim.metrics.MetricValue;
import dev.polis.govsim.metrics.RunMetrics;
import dev.polis.govsim.metrics.TableRow;
import dev.polis.govsim.sweep.RunOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a sweep's {@code summary.csv} (one line per run) and {@code summary.json} (runs and table rows). */
public final class SummaryFiles {

    private SummaryFiles() {
    }

    /** Writes both files into {@code folder}. */
    public static void write(Path folder, List<RunOutcome> outcomes, List<TableRow> rows) {
        StringBuilder csv = new StringBuilder("run,society,experiment,scenario,seed,status,survival_months,survived,"
                + "gain,efficiency,equality,over_usage\n");
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunOutcome o : outcomes) {
            RunMetrics m = o.metrics();
            csv.append(String.join(",", o.spec().id(), quote(o.spec().society().name()), o.spec().experiment().id(),
                    o.spec().scenario().id(), Long.toString(o.spec().seed()), status(o),
                    m == null ? "" : Integer.toString(m.survivalMonths()), m == null ? "" : Boolean.toString(m.survived()),
                    num(m == null ? Double.NaN : m.gain()), num(m == null ? Double.NaN : m.efficiency()),
                    num(m == null ? Double.NaN : m.equality()), num(m == null ? Double.NaN : m.overUsage()))).append('\n');
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run", o.spec().id());
            run.put("society", o.spec().society().name());
            run.put("members", o.spec().society().members());
            run.put("experiment", o.spec().experiment().id());
            run.put("scenario", o.spec().scenario().id());
            run.put("seed", o.spec().seed());
            run.put("status", status(o));
            run.put("error", o.error());
            run.put("metrics", m == null ? null : clean(m.asMap()));
            runs.add(run);
        }
        List<Map<String, Object>> table = new ArrayList<>();
        for (TableRow row : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("society", row.society());
            line.put("experiment", row.experiment());
            line.put("runs", row.runs());
            line.put("incomplete", row.incomplete());
            line.put("survival_rate", value(row.survivalRate()));
            line.put("survival_time", value(row.survivalTime()));
            line.put("gain", value(row.gain()));
            line.put("efficiency", value(row.efficiency()));
            line.put("equality", value(row.equality()));
            line.put("over_usage", value(row.overUsage()));
            table.add(line);
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("summary.csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve("summary.csv"), e);
        }
        Map<String, Object> summary = new LinkedHashMap<>(); // Map.of's order changes from one JVM to the next
        summary.put("table", table);
        summary.put("runs", runs);
        Json.write(folder.resolve("summary.json"), summary, true);
    }

    /** Returns {@code finished}, {@code incomplete} (a log that stops early without a collapse) or {@code failed}. */
    private static String status(RunOutcome o) {
        return !o.finished() ? "failed" : o.metrics().complete() ? "finished" : "incomplete";
    }

    private static Map<String, Object> value(MetricValue v) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mean", Double.isNaN(v.mean()) ? null : v.mean());
        map.put("ci95", Double.isNaN(v.mean()) || Double.isNaN(v.ci95()) ? null : v.ci95());
        return map;
    }

    private static Map<String, Object> clean(Map<String, Double> metrics) {
        Map<String, Object> map = new LinkedHashMap<>();
        metrics.forEach((k, v) -> map.put(k, v == null || v.isNaN() ? null : v));
        return map;
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
