package dev.polis.govsim.report;

import dev.polis.govsim.game.AgentMonth;
import dev.polis.govsim.game.MonthRecord;
import dev.polis.govsim.metrics.TableRow;
import dev.polis.govsim.protocol.ConversationEntry;
import dev.polis.govsim.sweep.RunOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a sweep's self-contained {@code report.html}: the summary table, and per group (society × experiment)
 * the resource over time of each run, the harvest per agent of one run, the Kaplan–Meier survival curve per
 * scenario, the survival-time distribution, and the conversations of one run. Plots are inline SVG; the file
 * loads nothing from elsewhere and works offline.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "th{background:#f3f3f3}td:first-child,td:nth-child(2){text-align:left}.chart{margin:6px;border:1px solid "
            + "#eee}.title{font-size:13px;font-weight:600}.tick,.legend{font-size:10px}.axis{font-size:11px}"
            + ".chat{font-size:13px;margin:4px 0 12px 12px}.mayor{color:#555;font-style:italic}h2{margin-top:32px}";

    private HtmlReport() {
    }

    /** Writes the report to {@code file}. */
    public static void write(Path file, String title, List<RunOutcome> outcomes, List<TableRow> rows) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><h1>")
                .append(Html.escape(title)).append("</h1>");
        html.append(table(rows));
        Groups.bySocietyAndExperiment(outcomes).forEach((group, runs) -> html.append(group(group, runs)));
        long failed = outcomes.stream().filter(o -> !o.finished()).count();
        if (failed > 0) {
            html.append("<h2>Failed runs</h2><ul>");
            outcomes.stream().filter(o -> !o.finished()).forEach(o -> html.append("<li>")
                    .append(Html.escape(o.spec().id() + ": " + o.error())).append("</li>"));
            html.append("</ul>");
        }
        html.append("</body></html>\n");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String table(List<TableRow> rows) {
        StringBuilder out = new StringBuilder("<h2>Summary (mean of scenario means; ± 95% t-interval over runs)</h2>"
                + "<table><tr><th>Society</th><th>Experiment</th><th>Runs</th><th>Survival rate %</th>"
                + "<th>Survival time</th><th>Gain</th><th>Efficiency %</th><th>Equality %</th><th>Over-usage %</th></tr>");
        for (TableRow r : rows) {
            out.append("<tr><td>").append(Html.escape(r.society())).append("</td><td>").append(Html.escape(r.experiment()))
                    .append("</td><td>").append(r.runs()).append("</td><td>")
                    .append(SummaryTable.rate(r.survivalRate())).append("</td><td>")
                    .append(SummaryTable.pm(r.survivalTime())).append("</td><td>").append(SummaryTable.pm(r.gain()))
                    .append("</td><td>").append(SummaryTable.pm(r.efficiency())).append("</td><td>")
                    .append(SummaryTable.pm(r.equality())).append("</td><td>").append(SummaryTable.pm(r.overUsage()))
                    .append("</td></tr>");
        }
        return out.append("</table>").toString();
    }

    private static String group(String name, List<RunOutcome> runs) {
        int horizon = runs.stream().mapToInt(r -> Math.max(r.metrics().survivalMonths(),
                r.spec().experiment().newcomer() ? 15 : 12)).max().orElse(12);
        StringBuilder out = new StringBuilder("<h2>").append(Html.escape(name)).append("</h2><div>");
        SvgChart pool = new SvgChart("Resource before harvest, per run", "month", "resource", horizon, 100,
                SvgChart.Style.LINE);
        for (RunOutcome run : runs.subList(0, Math.min(runs.size(), 10))) {
            List<MonthRecord> months = run.state().months();
            double[] x = new double[months.size() + 1];
            double[] y = new double[months.size() + 1];
            for (int i = 0; i < months.size(); i++) {
                x[i] = i;
                y[i] = months.get(i).poolBefore();
            }
            x[months.size()] = months.size();
            y[months.size()] = months.isEmpty() ? 0 : months.get(months.size() - 1).poolAfter();
            pool.add(new SvgChart.Series(run.spec().scenario().id() + " s" + run.spec().seed(), x, y));
        }
        out.append(pool.render());
        out.append(harvest(runs.get(0), horizon));
        out.append(survival(runs, horizon));
        out.append(histogram(runs, horizon));
        out.append("</div>").append(conversations(runs.get(0)));
        return out.toString();
    }

    private static String harvest(RunOutcome run, int horizon) {
        Map<String, double[]> perAgent = new LinkedHashMap<>();
        List<MonthRecord> months = run.state().months();
        double max = 1;
        for (MonthRecord month : months) {
            for (AgentMonth a : month.agents()) {
                perAgent.computeIfAbsent(a.name(), k -> {
                    double[] v = new double[months.size()];
                    java.util.Arrays.fill(v, Double.NaN);
                    return v;
                })[month.month()] = a.received();
                max = Math.max(max, a.received());
            }
        }
        SvgChart chart = new SvgChart("Harvest per agent (" + run.spec().scenario().id() + " s" + run.spec().seed()
                + ")", "month", "units received", horizon, max, SvgChart.Style.LINE);
        perAgent.forEach((agent, values) -> {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    points.add(new double[] {i + 1, values[i]});
                }
            }
            chart.add(new SvgChart.Series(agent, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()));
        });
        return chart.render();
    }

    private static String survival(List<RunOutcome> runs, int horizon) {
        SvgChart chart = new SvgChart("Kaplan–Meier survival across seeds", "month", "share surviving", horizon, 1,
                SvgChart.Style.STEP);
        Map<String, List<RunOutcome>> byScenario = new LinkedHashMap<>();
        runs.forEach(r -> byScenario.computeIfAbsent(r.spec().scenario().id(), k -> new ArrayList<>()).add(r));
        byScenario.forEach((scenario, list) -> {
            int[] m = list.stream().mapToInt(r -> r.metrics().survivalMonths()).toArray();
            boolean[] collapsed = new boolean[m.length];
            for (int i = 0; i < m.length; i++) {
                // an incomplete run is censored where its log stops, like a run that lasted its horizon
                collapsed[i] = list.get(i).metrics().complete() && !list.get(i).metrics().survived();
            }
            double[] s = KaplanMeier.curve(m, collapsed, horizon);
            double[] x = new double[s.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            chart.add(new SvgChart.Series(scenario + " (n=" + list.size() + ")", x, s));
        });
        return chart.render();
    }

    private static String histogram(List<RunOutcome> runs, int horizon) {
        double[] counts = new double[horizon + 1];
        runs.forEach(r -> counts[Math.min(horizon, r.metrics().survivalMonths())]++);
        double[] x = new double[horizon];
        double[] y = new double[horizon];
        double max = 1;
        for (int i = 1; i <= horizon; i++) {
            x[i - 1] = i;
            y[i - 1] = counts[i];
            max = Math.max(max, counts[i]);
        }
        return new SvgChart("Survival time distribution", "survival time (months)", "runs", horizon, max,
                SvgChart.Style.BAR).add(new SvgChart.Series("runs", x, y)).render();
    }

    private static String conversations(RunOutcome run) {
        StringBuilder out = new StringBuilder("<details><summary>Conversations of ").append(Html.escape(run.spec().id()))
                .append("</summary>");
        for (MonthRecord month : run.state().months()) {
            out.append("<p><b>Month ").append(month.month() + 1).append("</b>: pool ").append(month.poolBefore())
                    .append(" → ").append(month.poolAfter()).append(month.collapsed() ? " (collapsed)" : "")
                    .append(month.agreedLimit() == null ? "" : ", agreed limit " + month.agreedLimit()).append("</p>");
            if (month.conversation().isEmpty()) {
                out.append("<div class=\"chat\">(no discussion)</div>");
            }
            for (ConversationEntry line : month.conversation()) {
                out.append("<div class=\"chat").append(line.isMayor() ? " mayor" : "").append("\"><b>")
                        .append(Html.escape(line.speakerName())).append(":</b> ").append(Html.escape(line.text()))
                        .append("</div>");
            }
        }
        return out.append("</details>").toString();
    }
}
