package dev.polis.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a seed sweep's self-contained HTML report: the summary table, one chart per metric with each seed's value
 * (bars from the axis, so that a value's size reads at a glance; undefined values are marked n/a), and the runs that
 * failed with their reasons. Works for any environment: it reads only the runs' metrics.
 */
public final class SweepReport {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 160;
    private static final int MARGIN = 44;

    private SweepReport() {
    }

    /** Writes the report of {@code runs} to {@code file}, titled {@code title}. */
    public static void write(Path file, String title, List<SeedSweep.SeedRun> runs) {
        Map<String, SweepSummary.Stat> stats = SweepSummary.of(runs);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "svg{display:block;margin:0.5em 0 1.5em}</style></head><body><h1>")
                .append(escape(title)).append("</h1><p>").append(runs.size()).append(" seeds, ")
                .append(runs.stream().filter(SeedSweep.SeedRun::finished).count()).append(" finished</p>")
                .append("<table><tr><th>metric</th><th>mean</th><th>min</th><th>max</th><th>runs</th></tr>");
        stats.forEach((name, stat) -> html.append("<tr><td style=\"text-align:left\">").append(escape(name))
                .append("</td><td>").append(number(stat.mean())).append("</td><td>").append(number(stat.min()))
                .append("</td><td>").append(number(stat.max())).append("</td><td>").append(stat.defined()).append('/')
                .append(stat.runs()).append("</td></tr>"));
        html.append("</table>");
        stats.forEach((name, stat) -> html.append("<h2>").append(escape(name)).append("</h2>")
                .append(chart(name, stat, runs)));
        List<SeedSweep.SeedRun> failed = runs.stream().filter(r -> !r.finished()).toList();
        if (!failed.isEmpty()) {
            html.append("<h2>Failed runs</h2><ul>");
            failed.forEach(r -> html.append("<li>").append(escape(r.runId())).append(": ").append(escape(r.error()))
                    .append("</li>"));
            html.append("</ul>");
        }
        html.append("</body></html>\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep report " + file, e);
        }
    }

    private static String chart(String name, SweepSummary.Stat stat, List<SeedSweep.SeedRun> runs) {
        double low = Math.min(0, Double.isNaN(stat.min()) ? 0 : stat.min());
        double high = Math.max(0, Double.isNaN(stat.max()) ? 1 : stat.max());
        if (high == low) {
            high = low + 1;
        }
        double plotWidth = WIDTH - 2.0 * MARGIN;
        double plotHeight = HEIGHT - 2.0 * 20;
        double slot = plotWidth / Math.max(1, runs.size());
        double zeroY = 20 + plotHeight * (high / (high - low));
        StringBuilder svg = new StringBuilder("<svg role=\"img\" aria-label=\"").append(escape(name))
                .append(" per seed\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\">")
                .append(text(4, 24, number(high))).append(text(4, HEIGHT - 16, number(low)))
                .append(line(MARGIN, zeroY, WIDTH - MARGIN, zeroY));
        for (int i = 0; i < runs.size(); i++) {
            SeedSweep.SeedRun run = runs.get(i);
            Double value = run.finished() ? run.result().metrics().get(name) : null;
            double x = MARGIN + i * slot + slot * 0.15;
            if (value == null || value.isNaN()) {
                svg.append(text(x, zeroY - 4, "n/a"));
            } else {
                double y = 20 + plotHeight * ((high - value) / (high - low));
                svg.append(String.format(Locale.ROOT, "<rect class=\"value\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                                + "height=\"%.1f\" fill=\"#4477aa\"><title>seed %d: %s</title></rect>",
                        x, Math.min(y, zeroY), slot * 0.7, Math.abs(zeroY - y), run.seed(), number(value)));
            }
            svg.append(text(x, HEIGHT - 2, "s" + run.seed()));
        }
        return svg.append("</svg>").toString();
    }

    private static String text(double x, double y, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>", x, y,
                escape(content));
    }

    private static String line(double x1, double y, double x2, double y2) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>",
                x1, y, x2, y2);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4g", value);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
