package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.engine.PyTorchEngine;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.Rope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auxiliary loss that a recipe's block adds ({@link TrainingPass#addLoss}, MH-MoE's load balancing) is added to
 * the step's loss as it is and reaches the gradients of what it was computed from: a weight the recipe added and
 * the model's own weights before the block; validation reports cross-entropy only.
 *
 * <p>The test block passes SwiGLU's output through unchanged and adds {@code s · mean(x²)}, with {@code s} a weight
 * of its own (0.5) and {@code x} the block's input: so {@code d loss / d s = mean(x²)} exactly, and the gradient of
 * layer 0's post-attention norm (which scales {@code x}) changes while the cross-entropy does not.
 */
class AuxiliaryLossTest {

    private static final int[][] INPUTS = {{1, 5, 9, 3, 17, 22, 4, 8}, {3, 3, 39, 0, 12, 5, 6, 18}};
    private static final int[][] TARGETS = {{5, 9, 3, 17, 22, 4, 8, 30}, {3, 39, 0, 12, 5, 6, 18, 25}};
    private static final double[] LAST_LAYER = {0, 1};
    private static final String SCALE = "model.layers.0.mlp.test_balance_scale";

    @TempDir
    Path temp;

    private Path folder;
    private ModelConfig config;

    @BeforeEach
    void checkpoint() {
        folder = new TinyCheckpoint().writeTo(temp.resolve("tiny"));
        config = ConfigReader.read(folder.resolve("config.json"));
    }

    @Test
    void theHooksLossIsAddedToTheStepLossAndReachesTheGradients() {
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            TrainableWeights plain = TrainableWeights.load(config, folder, manager);
            Outcome without = backward(plain, new TrainingForward(config, plain.weights(), rope(manager)),
                    AuxiliaryLosses.training(0), manager);

            TrainableWeights hooked = TrainableWeights.load(config, folder, manager);
            TrainingBlocks blocks = new TrainingBlocks(config, hooked, folder, manager);
            NDArray scale = blocks.addParameter(SCALE, manager.create(new float[] {0.5f}), false);
            float[] meanSquare = new float[1];
            blocks.replace(0, current -> (x, pass) -> {
                NDArray ms = x.square().mean();
                meanSquare[0] = ms.getFloat();
                pass.addLoss("balance", scale.mul(ms));
                return current.apply(x, pass);
            });
            Outcome with = backward(hooked, new TrainingForward(config, hooked.weights(), rope(manager), blocks::at),
                    AuxiliaryLosses.training(0), manager);

            assertThat(with.crossEntropy()).isEqualTo(without.crossEntropy());
            assertThat(with.auxiliary()).containsOnlyKeys("balance");
            assertThat(with.auxiliary().get("balance")).isCloseTo(0.5 * meanSquare[0], within(1e-6));
            assertThat(with.total()).isCloseTo(without.crossEntropy() + 0.5 * meanSquare[0], within(1e-5));
            assertThat(without.total()).isEqualTo(without.crossEntropy());
            assertThat((double) scale.getGradient().getFloat()).isCloseTo(meanSquare[0], within(1e-5 * meanSquare[0]));
            assertThat(gradient(hooked, "layers.0.post_norm")).isNotEqualTo(gradient(plain, "layers.0.post_norm"));
            assertThat(gradient(hooked, "layers.1.qkv")).isEqualTo(gradient(plain, "layers.1.qkv"));
            assertThat(hooked.parameters()).extracting(Parameter::name).endsWith(SCALE);
        }
    }

    @Test
    void validationRecordsTheHooksLossWithoutAddingIt() {
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu());
             NDManager step = manager.newSubManager()) {
            TrainableWeights weights = TrainableWeights.load(config, folder, manager);
            TrainingBlocks blocks = new TrainingBlocks(config, weights, folder, manager);
            blocks.replace(1, current -> (x, pass) -> {
                pass.addLoss("balance", x.square().mean());
                return current.apply(x, pass);
            });
            TrainingForward forward = new TrainingForward(config, weights.weights(), rope(manager), blocks::at);
            ExitLoss loss = ExitLoss.compute(forward, step, INPUTS, TARGETS, null, LAST_LAYER,
                    AuxiliaryLosses.validation());
            assertThat((double) loss.total().getFloat()).isEqualTo(loss.perLayer()[1]);
            assertThat(loss.auxiliary().get("balance")).isPositive();
        }
    }

    private Outcome backward(TrainableWeights weights, TrainingForward forward, AuxiliaryLosses pass,
                              NDManager manager) {
        try (NDManager step = manager.newSubManager();
             GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
            ExitLoss loss = ExitLoss.compute(forward, step, INPUTS, TARGETS, null, LAST_LAYER, pass);
            collector.backward(loss.total());
            return new Outcome(loss.total().getFloat(), loss.perLayer()[1], loss.auxiliary());
        }
    }

    /** What a step computed, read before its arrays are freed. */
    private record Outcome(double total, double crossEntropy, java.util.Map<String, Double> auxiliary) {
    }

    private Rope rope(NDManager manager) {
        return new Rope(config, INPUTS[0].length, manager);
    }

    private static float[] gradient(TrainableWeights weights, String name) {
        return weights.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()
                .array().getGradient().toFloatArray();
    }
}
