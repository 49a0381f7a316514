package dev.polis.govsim.metrics;

/** Gives the two-sided 95% quantile of Student's t distribution, for the paper's confidence intervals. */
public final class StudentT {

    private static final double[] Q975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    private StudentT() {
    }

    /** Returns t(0.975, df): exact to three decimals for df ≤ 30, then a smooth approach to 1.960. */
    public static double quantile975(int df) {
        if (df < 1) {
            return Double.NaN;
        }
        if (df <= Q975.length) {
            return Q975[df - 1];
        }
        return 1.960 + 2.40 / df + 2.6 / ((double) df * df);
    }

    /** Returns the half-width of the 95% t-interval of the mean of {@code values} (ddof = 1); 0 for fewer than 2. */
    public static double halfWidth(double[] values) {
        int n = values.length;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return quantile975(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }
}
