package dev.polis.mhmoe.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The weights of one block as double matrices for the references, and the same values as float32 arrays for the
 * layer under test (each double is first rounded to float, so both sides compute on identical values).
 */
final class Weights64 {

    double[][] head;
    double[] headBias;
    double[][] merge;
    double[] mergeBias;
    double[][] router;
    final List<double[][][]> experts = new ArrayList<>();

    /** Seeded weights for {@code config} at width {@code hidden}. */
    static Weights64 random(MoeConfig config, int hidden, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Weights64 w = new Weights64();
        int d = config.subWidth(hidden);
        if (config.projections()) {
            w.head = round(Dense.random(random, hidden, hidden, 0.3));
            w.headBias = round(Dense.random(random, 1, hidden, 0.1))[0];
            w.merge = round(Dense.random(random, hidden, hidden, 0.3));
            w.mergeBias = round(Dense.random(random, 1, hidden, 0.1))[0];
        }
        w.router = round(Dense.random(random, config.experts(), d, 1.0));
        for (int e = 0; e < config.experts(); e++) {
            w.experts.add(new double[][][] {round(Dense.random(random, config.expertHidden(), d, 0.4)),
                round(Dense.random(random, config.expertHidden(), d, 0.4)),
                round(Dense.random(random, d, config.expertHidden(), 0.4))});
        }
        return w;
    }

    /** Sets the head and merge projections to the identity with zero bias. */
    Weights64 identityProjections(int hidden) {
        head = new double[hidden][hidden];
        merge = new double[hidden][hidden];
        for (int i = 0; i < hidden; i++) {
            head[i][i] = 1;
            merge[i][i] = 1;
        }
        headBias = new double[hidden];
        mergeBias = new double[hidden];
        return this;
    }

    /** Returns the same weights as arrays on {@code manager}. */
    MoeWeights arrays(NDManager manager) {
        List<ExpertWeights> list = new ArrayList<>();
        for (double[][][] e : experts) {
            list.add(new ExpertWeights(array(manager, e[0]), array(manager, e[1]), array(manager, e[2])));
        }
        return new MoeWeights(head == null ? null : array(manager, head), headBias == null ? null
                : array(manager, new double[][] {headBias}).reshape(headBias.length), merge == null ? null
                : array(manager, merge), mergeBias == null ? null
                : array(manager, new double[][] {mergeBias}).reshape(mergeBias.length), array(manager, router), list);
    }

    static NDArray array(NDManager manager, double[][] m) {
        float[] flat = new float[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                flat[r * m[0].length + c] = (float) m[r][c];
            }
        }
        return manager.create(flat, new Shape(m.length, m[0].length));
    }

    static double[][] round(double[][] m) {
        for (double[] row : m) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) row[i];
            }
        }
        return m;
    }
}
