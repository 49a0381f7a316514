package dev.polis.mindsearch.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the systems' summaries as the plain-text table {@code polis mindsearch eval} prints. */
public final class SummaryTable {

    private static final String[] HEADERS = {"system", "questions", "answered", "EM", "F1", "contains", "turns",
        "nodes", "searches", "surfaced", "read", "calls", "citations", "cite prec.", "wall s"};

    private SummaryTable() {
    }

    /** Returns the table, one row per system, columns aligned. */
    public static String render(List<SystemSummary> summaries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (SystemSummary s : summaries) {
            rows.add(new String[] {s.system(), String.valueOf(s.questions()), String.valueOf(s.complete()),
                f(3, s.exactMatch()), f(3, s.f1()), f(3, s.contains()), f(2, s.plannerTurns()), f(2, s.nodes()),
                f(2, s.searches()), f(2, s.documentsSurfaced()), f(2, s.documentsRead()), f(2, s.modelCalls()),
                String.valueOf(s.citations()), s.citationPrecision() == null ? "-" : f(3, s.citationPrecision()),
                f(1, s.wallSeconds())});
        }
        int[] widths = new int[HEADERS.length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? String.format("%-" + widths[i] + "s", row[i])
                        : String.format("  %" + widths[i] + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String f(int digits, double value) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
