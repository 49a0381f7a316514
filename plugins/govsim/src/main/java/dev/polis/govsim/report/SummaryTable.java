package dev.polis.govsim.report;

import dev.polis.govsim.metrics.MetricValue;
import dev.polis.govsim.metrics.TableRow;
import java.util.List;
import java.util.Locale;

/** Formats table rows in the layout of the paper's Table 1 (survival rate, time, gain, efficiency, equality, over-usage). */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** Returns the table as fixed-width text. */
    public static String format(List<TableRow> rows) {
        int width = Math.max(8, rows.stream().mapToInt(r -> r.society().length()).max().orElse(8));
        int expWidth = Math.max(10, rows.stream().mapToInt(r -> r.experiment().length()).max().orElse(10));
        String head = String.format(Locale.ROOT, "%-" + width + "s  %-" + expWidth + "s  %4s  %10s  %10s  %11s  %11s"
                + "  %11s  %11s%n", "Society", "Experiment", "Runs", "Surv. rate", "Surv. time", "Gain", "Efficiency",
                "Equality", "Over-usage");
        StringBuilder out = new StringBuilder(head);
        out.append("-".repeat(head.length() - 1)).append('\n');
        for (TableRow row : rows) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %-" + expWidth + "s  %4d  %10s  %10s  %11s  %11s"
                    + "  %11s  %11s%n", row.society(), row.experiment(), row.runs(),
                    rate(row.survivalRate()), pm(row.survivalTime()),
                    pm(row.gain()), pm(row.efficiency()), pm(row.equality()), pm(row.overUsage())));
        }
        int incomplete = rows.stream().mapToInt(TableRow::incomplete).sum();
        if (incomplete > 0) {
            out.append(incomplete).append(incomplete == 1 ? " run stops" : " runs stop")
                    .append(" early without a collapse (incomplete): left out of survival rate and time.\n");
        }
        return out.toString();
    }

    /** Writes a rate with one decimal, or {@code n/a} when undefined. */
    static String rate(MetricValue value) {
        return Double.isNaN(value.mean()) ? "n/a" : String.format(Locale.ROOT, "%.1f", value.mean());
    }

    /** Writes {@code mean±ci} with one decimal, or {@code n/a}. */
    static String pm(MetricValue value) {
        if (Double.isNaN(value.mean())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f±%.1f", value.mean(), value.ci95());
    }
}
