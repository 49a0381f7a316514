package dev.polis.mhmoe.layer;

/**
 * MH-MoE exactly as spec §C.1 states it, one sub-token at a time in double precision: head projection, split into
 * h consecutive slices, softmax gate and top-k per sub-token, capacity {@code ceil(f·k·ceil(M/E))} filled by all
 * first choices in sub-token order, then all second choices, ...; each kept choice adds its gate probability times
 * its expert's output; the slices are concatenated and merged.
 */
final class SubTokenLoopReference {

    private final MoeConfig config;
    private final Weights64 w;

    SubTokenLoopReference(MoeConfig config, Weights64 w) {
        this.config = config;
        this.w = w;
    }

    double[][] apply(double[][] tokens, double capacityFactor) {
        int h = config.heads();
        int hidden = tokens[0].length;
        int d = hidden / h;
        int m = tokens.length * h;
        double[][] sub = new double[m][d];
        for (int t = 0; t < tokens.length; t++) {
            double[] x = w.head == null ? tokens[t] : Dense.linear(w.head, tokens[t], w.headBias);
            for (int j = 0; j < h; j++) {
                System.arraycopy(x, j * d, sub[t * h + j], 0, d);
            }
        }
        double[][] p = new double[m][];
        int[][] top = new int[m][];
        for (int i = 0; i < m; i++) {
            p[i] = Dense.softmax(Dense.linear(w.router, sub[i], null));
            top[i] = Dense.topK(p[i], config.topK());
        }
        int capacity = capacityFactor <= 0 ? Integer.MAX_VALUE
                : (int) Math.ceil(capacityFactor * config.topK() * Math.ceil((double) m / config.experts()));
        int[] load = new int[config.experts()];
        double[][] ys = new double[m][d];
        for (int r = 0; r < config.topK(); r++) {
            for (int i = 0; i < m; i++) {
                int e = top[i][r];
                if (load[e]++ >= capacity) {
                    continue;
                }
                double total = 0;
                for (int c : top[i]) {
                    total += p[i][c];
                }
                double g = config.normalizeTopK() ? p[i][e] / total : p[i][e];
                double[][][] ex = w.experts.get(e);
                double[] o = Dense.swiGlu(ex[0], ex[1], ex[2], sub[i]);
                for (int c = 0; c < d; c++) {
                    ys[i][c] += g * o[c];
                }
            }
        }
        double[][] out = new double[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            double[] joined = new double[hidden];
            for (int j = 0; j < h; j++) {
                System.arraycopy(ys[t * h + j], 0, joined, j * d, d);
            }
            out[t] = w.merge == null ? joined : Dense.linear(w.merge, joined, w.mergeBias);
        }
        return out;
    }
}
