package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.polis.runtime.engine.PyTorchEngine;
import org.junit.jupiter.api.Test;

/** AdamW's update against a hand computation, clipping, and skipped steps; the learning-rate schedule. */
class AdamWTest {

    @Test
    void firstUpdateMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            NDArray w = manager.create(new float[] {1f, -2f, 3f});
            w.setRequiresGradient(true);
            AdamW adam = new AdamW(List.of(new Parameter("w", w, false)), manager, 0.9, 0.95, 1e-8, 0.1);
            try (GradientCollector c = PyTorchEngine.get().newGradientCollector()) {
                c.backward(w.square().sum());
            }
            double norm = adam.step(0.01, 1, 0);
            assertThat(norm).isCloseTo(2 * Math.sqrt(14), within(1e-4));
            float[] after = w.toFloatArray();
            assertThat(after[0]).isCloseTo(0.99f, within(1e-5f));
            assertThat(after[1]).isCloseTo(-1.99f, within(1e-5f));
            assertThat(w.getGradient().toFloatArray()).containsOnly(0f);
            assertThat(adam.firstMoments().get("w").toFloatArray()[2]).isCloseTo(0.6f, within(1e-5f));
        }
    }

    @Test
    void aNonFiniteGradientLeavesTheWeightsAndMomentsAlone() {
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            NDArray w = manager.create(new float[] {0f, 1f});
            w.setRequiresGradient(true);
            AdamW adam = new AdamW(List.of(new Parameter("w", w, true)), manager, 0.9, 0.95, 1e-8, 0.1);
            try (GradientCollector c = PyTorchEngine.get().newGradientCollector()) {
                c.backward(w.sqrt().sum());
            }
            assertThat(Double.isFinite(adam.step(0.01, 1, 1.0))).isFalse();
            assertThat(w.toFloatArray()).containsExactly(0f, 1f);
            assertThat(w.getGradient().toFloatArray()).containsOnly(0f);
            assertThat(adam.secondMoments().get("w").toFloatArray()).containsOnly(0f);
        }
    }

    @Test
    void learningRateWarmsUpThenDecaysToItsFloor() {
        LearningRate rate = new LearningRate(1e-3, 10, 110, 0.1);
        assertThat(rate.at(0)).isCloseTo(1e-4, within(1e-12));
        assertThat(rate.at(9)).isCloseTo(1e-3, within(1e-12));
        assertThat(rate.at(10)).isCloseTo(1e-3, within(1e-12));
        assertThat(rate.at(60)).isLessThan(1e-3).isGreaterThan(1e-4);
        assertThat(rate.at(109)).isCloseTo(1e-4, within(1e-12));
    }
}
