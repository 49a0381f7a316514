package dev.polis.mhmoe.layer;

/**
 * A standard top-k sparse mixture of experts written the plain way, token by token in double precision: softmax
 * gate over the token, its k most probable experts, their SwiGLU outputs weighed by the raw gate probabilities
 * (renormalised when asked). No capacity.
 */
final class SparseMoeReference {

    private final double[][] router;
    private final java.util.List<double[][][]> experts;
    private final int topK;
    private final boolean normalize;

    SparseMoeReference(double[][] router, java.util.List<double[][][]> experts, int topK, boolean normalize) {
        this.router = router;
        this.experts = experts;
        this.topK = topK;
        this.normalize = normalize;
    }

    double[][] apply(double[][] tokens) {
        double[][] out = new double[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            double[] p = Dense.softmax(Dense.linear(router, tokens[t], null));
            int[] top = Dense.topK(p, topK);
            double total = 0;
            for (int e : top) {
                total += p[e];
            }
            double[] y = new double[tokens[t].length];
            for (int e : top) {
                double[][][] w = experts.get(e);
                double[] o = Dense.swiGlu(w[0], w[1], w[2], tokens[t]);
                double g = normalize ? p[e] / total : p[e];
                for (int i = 0; i < y.length; i++) {
                    y[i] += g * o[i];
                }
            }
            out[t] = y;
        }
        return out;
    }
}
