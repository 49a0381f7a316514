package dev.polis.guards.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Leak-detection figures of one set of cases: recall per kind of leak and over all leaks, the false-positive rate on
 * non-leaks (all with Wilson 95% intervals), and precision, recall and F1 for paraphrased leaks.
 *
 * <p>The detector says only "leak" or "no leak", not which kind, so paraphrase precision is read on the paraphrased
 * leaks and the non-leaks together: the flagged paraphrases over the flagged paraphrases and the flagged non-leaks.
 * It therefore depends on how many non-leaks a suite holds per paraphrase.
 *
 * @param recall    per kind of leak, the share flagged
 * @param allLeaks  the share of all leaks flagged
 * @param fpr       the share of non-leaks flagged
 */
public record LeakMetrics(Map<LeakCase.Kind, Proportion> recall, Proportion allLeaks, Proportion fpr) {

    /** Returns the figures of {@code cases}. */
    public static LeakMetrics of(List<LeakScored> cases) {
        Map<LeakCase.Kind, long[]> counts = new EnumMap<>(LeakCase.Kind.class);
        for (LeakCase.Kind k : LeakCase.Kind.values()) {
            counts.put(k, new long[2]);
        }
        for (LeakScored s : cases) {
            long[] c = counts.get(s.item().kind());
            c[0] += s.flagged() ? 1 : 0;
            c[1]++;
        }
        Map<LeakCase.Kind, Proportion> recall = new EnumMap<>(LeakCase.Kind.class);
        long caught = 0;
        long leaks = 0;
        for (LeakCase.Kind k : LeakCase.Kind.values()) {
            if (k != LeakCase.Kind.NONE) {
                long[] c = counts.get(k);
                recall.put(k, new Proportion(c[0], c[1]));
                caught += c[0];
                leaks += c[1];
            }
        }
        long[] none = counts.get(LeakCase.Kind.NONE);
        return new LeakMetrics(Map.copyOf(recall), new Proportion(caught, leaks), new Proportion(none[0], none[1]));
    }

    /** Returns the share flagged of the leaks of {@code kind} (never {@link LeakCase.Kind#NONE}). */
    public Proportion recall(LeakCase.Kind kind) {
        return recall.get(kind);
    }

    /** Returns the verbatim and canary leaks flagged, together (the spec's "verbatim/canary recall"). */
    public Proportion exactRecall() {
        Proportion v = recall(LeakCase.Kind.VERBATIM);
        Proportion c = recall(LeakCase.Kind.CANARY);
        return new Proportion(v.successes() + c.successes(), v.trials() + c.trials());
    }

    /** Returns the flagged paraphrases over everything flagged among paraphrases and non-leaks. */
    public Proportion paraphrasePrecision() {
        long tp = recall(LeakCase.Kind.PARAPHRASE).successes();
        return new Proportion(tp, tp + fpr.successes());
    }

    /** Returns the F1 of paraphrase detection (harmonic mean of its precision and recall), NaN when undefined. */
    public double paraphraseF1() {
        Proportion found = recall(LeakCase.Kind.PARAPHRASE);
        if (found.trials() == 0) {
            return Double.NaN;
        }
        if (found.successes() == 0) {
            return 0;
        }
        double p = paraphrasePrecision().value();
        double r = found.value();
        return 2 * p * r / (p + r);
    }
}
