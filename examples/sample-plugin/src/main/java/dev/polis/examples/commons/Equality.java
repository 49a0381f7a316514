package dev.polis.examples.commons;

import java.util.Arrays;
import java.util.Collection;

/** Measures how evenly a total is shared: one minus the Gini coefficient. */
final class Equality {

    private Equality() {
    }

    /**
     * Returns {@code 1 - Gini} of {@code amounts}: 1 when everyone has the same, near 0 when one has everything.
     *
     * <p>When the total is zero, everyone has the same nothing, and the result is 1.
     */
    static double of(Collection<Double> amounts) {
        double[] sorted = amounts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double total = Arrays.stream(sorted).sum();
        if (n == 0 || total <= 0) {
            return 1.0;
        }
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        double gini = weighted / (n * total);
        return 1.0 - gini;
    }
}
