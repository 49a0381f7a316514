package dev.polis.mhmoe.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Seeded random weights for an MH-MoE block of a given width, for benchmarks and tests. */
public final class RandomWeights {

    private RandomWeights() {
    }

    /** Returns weights for {@code config} at width {@code hidden}, normal with {@code std}, on {@code manager}. */
    public static MoeWeights of(MoeConfig config, int hidden, double std, long seed, NDManager manager) {
        SplittableRandom random = new SplittableRandom(seed);
        long d = config.subWidth(hidden);
        long f = config.expertHidden();
        List<ExpertWeights> experts = new ArrayList<>();
        for (int e = 0; e < config.experts(); e++) {
            experts.add(new ExpertWeights(normal(random, std, manager, f, d), normal(random, std, manager, f, d),
                    normal(random, std, manager, d, f)));
        }
        boolean p = config.projections();
        return new MoeWeights(p ? normal(random, std, manager, hidden, hidden) : null,
                p ? normal(random, std, manager, hidden) : null, p ? normal(random, std, manager, hidden, hidden) : null,
                p ? normal(random, std, manager, hidden) : null, normal(random, std, manager, config.experts(), d),
                experts);
    }

    private static NDArray normal(SplittableRandom random, double std, NDManager manager, long... shape) {
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return manager.create(values, new Shape(shape));
    }
}
