package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.engine.PyTorchEngine;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import dev.polis.runtime.model.Rope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A garbage collection between forward and backward must not change the gradients: scalars that autograd keeps for
 * the backward pass must not live in memory the collector may free (see {@link GraphScalar}).
 */
class GradientsUnderCollectionTest {

    @TempDir
    Path temp;

    @Test
    void gradientsAreTheSameWithACollectionAndMemoryChurnBeforeBackward() throws Exception {
        Path folder = new TinyCheckpoint().writeTo(temp.resolve("tiny"));
        ModelConfig config = ConfigReader.read(folder.resolve("config.json"));
        float[] quiet = gradients(config, folder, false);
        float[] churned = gradients(config, folder, true);
        for (int i = 0; i < quiet.length; i++) {
            assertThat(Float.isFinite(quiet[i]) && Float.isFinite(churned[i])).as("gradient %d finite", i).isTrue();
        }
        assertThat(churned).containsExactly(quiet);
    }

    private static float[] gradients(ModelConfig config, Path folder, boolean churn) throws Exception {
        int[][] inputs = {{1, 5, 9, 3, 17, 22, 4, 8}, {3, 3, 39, 0, 12, 5, 6, 18}};
        int[][] targets = {{5, 9, 3, 17, 22, 4, 8, 30}, {3, 39, 0, 12, 5, 6, 18, 25}};
        double[] weights = new double[config.layers()];
        Arrays.fill(weights, 1.0 / config.layers());
        try (NDManager manager = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            TrainableWeights trainable = TrainableWeights.load(config, folder, manager);
            TrainingForward forward = new TrainingForward(config, trainable.weights(),
                    new Rope(config, inputs[0].length, manager));
            List<ByteBuffer> litter = new ArrayList<>();
            try (NDManager step = manager.newSubManager();
                 GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                ExitLoss loss = ExitLoss.compute(forward, step, inputs, targets, null, weights,
                        AuxiliaryLosses.training(0));
                if (churn) {
                    collectAndReuse(litter);
                }
                collector.backward(loss.total());
            }
            List<Float> all = new ArrayList<>();
            for (Parameter p : trainable.parameters()) {
                for (float g : p.array().getGradient().toFloatArray()) {
                    all.add(g);
                }
            }
            float[] out = new float[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i);
            }
            return out;
        }
    }

    /** Collects garbage, lets cleaners free native memory, then fills fresh small native buffers with NaN. */
    private static void collectAndReuse(List<ByteBuffer> litter) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, Float.NaN);
            litter.add(b);
        }
    }
}
