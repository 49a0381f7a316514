package dev.polis.mhmoe.layer;

import java.util.SplittableRandom;

/** Plain double-precision arithmetic for the references: matrices are {@code [out][in]}, as in the checkpoint. */
final class Dense {

    private Dense() {
    }

    /** Returns {@code w · x + b} ({@code b} may be null). */
    static double[] linear(double[][] w, double[] x, double[] b) {
        double[] y = new double[w.length];
        for (int o = 0; o < w.length; o++) {
            double sum = b == null ? 0 : b[o];
            for (int i = 0; i < x.length; i++) {
                sum += w[o][i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }

    /** Returns the SwiGLU {@code down(silu(gate x) * up x)}. */
    static double[] swiGlu(double[][] gate, double[][] up, double[][] down, double[] x) {
        double[] g = linear(gate, x, null);
        double[] u = linear(up, x, null);
        double[] h = new double[g.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = g[i] / (1 + Math.exp(-g[i])) * u[i];
        }
        return linear(down, h, null);
    }

    /** Returns the softmax of {@code z}. */
    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Returns the indices of the {@code k} largest entries, largest first, ties to the lower index. */
    static int[] topK(double[] p, int k) {
        int[] chosen = new int[k];
        boolean[] taken = new boolean[p.length];
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int e = 0; e < p.length; e++) {
                if (!taken[e] && (best < 0 || p[e] > p[best])) {
                    best = e;
                }
            }
            taken[best] = true;
            chosen[r] = best;
        }
        return chosen;
    }

    /** Returns a seeded {@code rows × cols} normal matrix with standard deviation {@code std}. */
    static double[][] random(SplittableRandom random, int rows, int cols, double std) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                row[i] = random.nextGaussian() * std;
            }
        }
        return m;
    }
}
