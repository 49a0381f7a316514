package dev.polis.mhmoe.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.polis.runtime.engine.DjlEnvironment;
import dev.polis.runtime.engine.PyTorchEngine;
import org.junit.jupiter.api.Test;

/**
 * The gather/scatter dispatch trains like the naive form: for the same loss, the gradients of every weight (head,
 * router, experts, merge) and of the input equal those of {@link AllExpertsLayer}, which runs every expert densely
 * under a zero-masked gate.
 */
class DispatchGradientTest {

    @Test
    void gradientsOfTheDispatchEqualThoseOfTheDenseForm() {
        DjlEnvironment.prepare();
        MoeConfig config = new MoeConfig(List.of(0), 3, 6, 2, 7, true, 0, 0.01, false);
        double[][] tokens = Weights64.round(Dense.random(new SplittableRandom(4), 5, 12, 1.0));
        Weights64 w = Weights64.random(config, 12, 91);
        List<float[]> sparse = gradients(config, w, tokens, layer -> x -> layer.forward(x, 0).output());
        List<float[]> dense = gradients(config, w, tokens, layer -> new AllExpertsLayer(layer)::forward);
        assertThat(sparse).hasSameSizeAs(dense);
        for (int a = 0; a < dense.size(); a++) {
            for (int i = 0; i < dense.get(a).length; i++) {
                assertThat(sparse.get(a)[i]).as("array %d, value %d", a, i).isCloseTo(dense.get(a)[i], within(1e-5f));
            }
        }
    }

    /** Returns d(sum of squares of the output)/d(every array): input, head, head bias, merge, merge bias, router, experts. */
    private static List<float[]> gradients(MoeConfig config, Weights64 w, double[][] tokens,
                                           Function<MoeLayer, Function<NDArray, NDArray>> form) {
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            MoeWeights weights = w.arrays(manager);
            List<NDArray> arrays = new ArrayList<>(List.of(Weights64.array(manager, tokens), weights.head(),
                    weights.headBias(), weights.merge(), weights.mergeBias(), weights.router()));
            weights.experts().forEach(e -> arrays.addAll(List.of(e.gate(), e.up(), e.down())));
            arrays.forEach(a -> a.setRequiresGradient(true));
            try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                NDArray out = form.apply(new MoeLayer(config, weights)).apply(arrays.get(0));
                collector.backward(out.square().sum());
            }
            List<float[]> grads = new ArrayList<>();
            arrays.forEach(a -> grads.add(a.getGradient().toFloatArray()));
            return grads;
        }
    }
}
