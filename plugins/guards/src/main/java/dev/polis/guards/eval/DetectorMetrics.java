package dev.polis.guards.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Detection figures of one set of scored cases at a threshold: TPR, FPR, balanced accuracy (with 95% intervals),
 * and the TPR reached when the threshold is set so that at most a given share of the benign cases is flagged.
 *
 * @param tpr the share of attacks flagged
 * @param fpr the share of benign cases flagged
 */
public record DetectorMetrics(Proportion tpr, Proportion fpr) {

    /** Returns the figures of {@code cases}, an attack being flagged when its score reaches its threshold. */
    public static DetectorMetrics of(List<Scored> cases, ToDoubleFunction<LabeledText> threshold) {
        long tp = 0;
        long p = 0;
        long fp = 0;
        long n = 0;
        for (Scored s : cases) {
            boolean flagged = s.score() >= threshold.applyAsDouble(s.item());
            if (s.item().attack()) {
                p++;
                tp += flagged ? 1 : 0;
            } else {
                n++;
                fp += flagged ? 1 : 0;
            }
        }
        return new DetectorMetrics(new Proportion(tp, p), new Proportion(fp, n));
    }

    /** Returns the balanced accuracy, (TPR + TNR) / 2, or NaN when either class is missing. */
    public double balancedAccuracy() {
        return (tpr.value() + 1 - fpr.value()) / 2;
    }

    /** Returns the normal-approximation 95% half-width of the balanced accuracy. */
    public double balancedAccuracyHalfWidth() {
        double t = tpr.value();
        double f = fpr.value();
        return 1.959964 * 0.5 * Math.sqrt(t * (1 - t) / tpr.trials() + f * (1 - f) / fpr.trials());
    }

    /** Returns e.g. {@code 91.2% ± 3.1} or {@code -} when a class is missing. */
    public String formatBalancedAccuracy() {
        if (tpr.trials() == 0 || fpr.trials() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%% ± %.1f", 100 * balancedAccuracy(), 100 * balancedAccuracyHalfWidth());
    }

    /**
     * Returns the TPR when the threshold is the lowest one flagging at most {@code maxFpr} of the benign cases
     * (an operating point chosen on these very cases, as Recall@FPR figures are).
     */
    public static Proportion tprAtFpr(List<Scored> cases, double maxFpr) {
        double[] benign = cases.stream().filter(s -> !s.item().attack()).mapToDouble(Scored::score).sorted().toArray();
        double[] attacks = cases.stream().filter(s -> s.item().attack()).mapToDouble(Scored::score).toArray();
        if (benign.length == 0 || attacks.length == 0) {
            return new Proportion(0, 0);
        }
        int allowed = (int) Math.floor(maxFpr * benign.length);
        double threshold = Math.nextUp(benign[benign.length - 1 - allowed]);
        long caught = Arrays.stream(attacks).filter(a -> a >= threshold).count();
        return new Proportion(caught, attacks.length);
    }
}
