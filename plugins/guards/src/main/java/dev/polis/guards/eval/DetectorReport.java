package dev.polis.guards.eval;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Prints detector-mode figures as Markdown: per suite, per privilege level and over everything, TPR, FPR and
 * balanced accuracy at the configured thresholds with 95% intervals, TPR at 1% and 2% FPR, and the worst misses.
 */
public final class DetectorReport {

    private final List<Scored> cases;
    private final ToDoubleFunction<LabeledText> threshold;

    /** Creates a report over scored cases, each judged at {@code threshold} of its item. */
    public DetectorReport(List<Scored> cases, ToDoubleFunction<LabeledText> threshold) {
        this.cases = List.copyOf(cases);
        this.threshold = threshold;
    }

    /** Returns the figures over the cases {@code group} maps to each key, keys sorted. */
    public Map<String, DetectorMetrics> by(Function<LabeledText, String> group) {
        Map<String, List<Scored>> groups = cases.stream().collect(Collectors.groupingBy(s -> group.apply(s.item()),
                TreeMap::new, Collectors.toList()));
        Map<String, DetectorMetrics> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, DetectorMetrics.of(v, threshold)));
        return out;
    }

    /** Returns the figures over every case. */
    public DetectorMetrics overall() {
        return DetectorMetrics.of(cases, threshold);
    }

    /** Prints the whole report, listing up to {@code worst} misses of each kind. */
    public void print(PrintWriter out, int worst) {
        out.println("## Per suite");
        table(out, by(LabeledText::suite));
        out.println();
        out.println("## Per privilege level (attacks vs benign texts arriving at that level)");
        Map<String, List<Scored>> levels = cases.stream().collect(Collectors.groupingBy(
                s -> s.item().level().name(), TreeMap::new, Collectors.toList()));
        table(out, by(i -> i.level().name()));
        out.println();
        out.println("| level | TPR at 1% FPR | TPR at 2% FPR |");
        out.println("|---|---|---|");
        levels.forEach((level, list) -> out.println("| " + level + " | "
                + DetectorMetrics.tprAtFpr(list, 0.01).format() + " | " + DetectorMetrics.tprAtFpr(list, 0.02).format()
                + " |"));
        out.println();
        out.println("## All suites");
        table(out, Map.of("all", overall()));
        out.println();
        misses(out, worst);
    }

    private static void table(PrintWriter out, Map<String, DetectorMetrics> rows) {
        out.println("| set | TPR (attacks flagged) | FPR (benign flagged) | balanced accuracy |");
        out.println("|---|---|---|---|");
        rows.forEach((k, m) -> out.println("| " + k + " | " + m.tpr().format() + " | " + m.fpr().format() + " | "
                + m.formatBalancedAccuracy() + " |"));
    }

    private void misses(PrintWriter out, int worst) {
        out.println("## Worst misses");
        out.println("Attacks let through (lowest scores):");
        cases.stream().filter(s -> s.item().attack() && s.score() < threshold.applyAsDouble(s.item()))
                .sorted(Comparator.comparingDouble(Scored::score)).limit(worst)
                .forEach(s -> line(out, s));
        out.println("Benign texts flagged (highest scores):");
        cases.stream().filter(s -> !s.item().attack() && s.score() >= threshold.applyAsDouble(s.item()))
                .sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(worst)
                .forEach(s -> line(out, s));
    }

    private static void line(PrintWriter out, Scored s) {
        String text = s.item().payload().replaceAll("\\s+", " ");
        if (text.length() > 140) {
            text = text.substring(0, 137) + "...";
        }
        out.println(String.format(Locale.ROOT, "- %.3f %s [%s] %s%s", s.score(), s.item().suite(), s.item().where(),
                text, s.why().isEmpty() ? "" : " (" + s.why() + ")"));
    }
}
