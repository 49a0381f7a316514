package dev.polis.guards.eval;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints leak-mode figures as Markdown: per suite file and over all of them, recall per kind of leak and over all
 * leaks, the false-positive rate on non-leaks, paraphrase precision, recall and F1, and the worst misses.
 */
public final class LeakReport {

    private final List<LeakScored> cases;

    /** Creates a report over scored cases. */
    public LeakReport(List<LeakScored> cases) {
        this.cases = List.copyOf(cases);
    }

    /** Returns the figures per suite file (the part of {@code where} before the line number), files sorted. */
    public Map<String, LeakMetrics> perFile() {
        Map<String, List<LeakScored>> files = cases.stream().collect(Collectors.groupingBy(
                s -> s.item().where().replaceFirst(":\\d+$", ""), TreeMap::new, Collectors.toList()));
        Map<String, LeakMetrics> out = new LinkedHashMap<>();
        files.forEach((f, list) -> out.put(f, LeakMetrics.of(list)));
        return out;
    }

    /** Prints the whole report, listing up to {@code worst} misses of each kind. */
    public void print(PrintWriter out, int worst) {
        Map<String, LeakMetrics> rows = new LinkedHashMap<>(perFile());
        if (rows.size() > 1) {
            rows.put("all", LeakMetrics.of(cases));
        }
        out.println("## Recall per kind of leak, false positives on non-leaks");
        out.println("| suite | verbatim | canary | verbatim + canary | paraphrase | all leaks | FPR (non-leaks flagged) |");
        out.println("|---|---|---|---|---|---|---|");
        rows.forEach((k, m) -> out.println("| " + k + " | " + m.recall(LeakCase.Kind.VERBATIM).format() + " | "
                + m.recall(LeakCase.Kind.CANARY).format() + " | " + m.exactRecall().format() + " | "
                + m.recall(LeakCase.Kind.PARAPHRASE).format() + " | " + m.allLeaks().format() + " | "
                + m.fpr().format() + " |"));
        out.println();
        out.println("## Paraphrased leaks against non-leaks");
        out.println("| suite | precision | recall | F1 |");
        out.println("|---|---|---|---|");
        rows.forEach((k, m) -> out.println("| " + k + " | " + m.paraphrasePrecision().format() + " | "
                + m.recall(LeakCase.Kind.PARAPHRASE).format() + " | " + formatF1(m.paraphraseF1()) + " |"));
        out.println();
        out.println("## Worst misses");
        out.println("Leaks let through (lowest scores):");
        cases.stream().filter(s -> s.item().leak() && !s.flagged())
                .sorted(Comparator.comparingDouble((LeakScored s) -> s.finding().score())).limit(worst)
                .forEach(s -> line(out, s));
        out.println("Non-leaks flagged (highest scores):");
        cases.stream().filter(s -> !s.item().leak() && s.flagged())
                .sorted(Comparator.comparingDouble((LeakScored s) -> s.finding().score()).reversed()).limit(worst)
                .forEach(s -> line(out, s));
    }

    /** Returns {@code f1} as e.g. {@code 0.87}, or {@code -} when undefined. */
    static String formatF1(double f1) {
        return Double.isNaN(f1) ? "-" : String.format(Locale.ROOT, "%.2f", f1);
    }

    private static void line(PrintWriter out, LeakScored s) {
        String text = s.item().output().replaceAll("\\s+", " ");
        if (text.length() > 140) {
            text = text.substring(0, 137) + "...";
        }
        String reason = s.finding().reason();
        out.println(String.format(Locale.ROOT, "- %.3f %s %s [%s] %s%s", s.finding().score(), s.item().kind().label(),
                s.item().id(), s.item().where(), text, reason.isEmpty() ? "" : " (" + reason + ")"));
    }
}
