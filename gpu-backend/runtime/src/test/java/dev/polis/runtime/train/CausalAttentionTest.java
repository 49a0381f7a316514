package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.polis.runtime.engine.PyTorchEngine;
import org.junit.jupiter.api.Test;

/** Blocked causal attention computes one masked softmax's output and gradients, and each row sees only its past. */
class CausalAttentionTest {

    private static final Shape QUERIES = new Shape(2, 2, 3, 37, 8);
    private static final Shape KEYS = new Shape(2, 2, 37, 8);

    @Test
    void blocksOfRowsGiveTheOneBlockOutputAndGradients() {
        Result whole = run(new CausalAttention(1024));
        for (long rows : new long[] {8, 13, 36}) {
            Result blocked = run(new CausalAttention(rows));
            for (int i = 0; i < whole.output.length; i++) {
                assertThat(blocked.output[i]).as("rows %d, output %d", rows, i).isCloseTo(whole.output[i], within(1e-5f));
            }
            for (int g = 0; g < 3; g++) {
                for (int i = 0; i < whole.gradients[g].length; i++) {
                    assertThat(blocked.gradients[g][i]).as("rows %d, gradient %d[%d]", rows, g, i)
                            .isCloseTo(whole.gradients[g][i], within(1e-5f));
                }
            }
        }
    }

    @Test
    void aRowIsUntouchedByWhatComesAfterIt() {
        try (NDManager m = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            NDArray q = random(m, QUERIES, 3);
            NDArray k = random(m, KEYS, 4);
            NDArray v = random(m, KEYS, 5);
            float[] before = new CausalAttention(8).apply(m, q, k, v).toFloatArray();
            // change the last key and value: every row but the last must stay as it was, to the bit
            NDArray k2 = k.duplicate();
            NDArray v2 = v.duplicate();
            k2.set(new ai.djl.ndarray.index.NDIndex(":, :, 36, :"), 9f);
            v2.set(new ai.djl.ndarray.index.NDIndex(":, :, 36, :"), -9f);
            float[] after = new CausalAttention(8).apply(m, q, k2, v2).toFloatArray();
            int changedRows = 0;
            for (int row = 0; row < after.length / 8; row++) {
                boolean last = row % 37 == 36;
                boolean same = true;
                for (int d = 0; d < 8; d++) {
                    same &= after[row * 8 + d] == before[row * 8 + d];
                }
                assertThat(same).as("row %d", row).isEqualTo(!last);
                changedRows += same ? 0 : 1;
            }
            assertThat(changedRows).isEqualTo(2 * 2 * 3);
        }
    }

    private record Result(float[] output, float[][] gradients) {
    }

    private static Result run(CausalAttention attention) {
        try (NDManager m = PyTorchEngine.get().newBaseManager(Device.cpu())) {
            NDArray q = random(m, QUERIES, 3);
            NDArray k = random(m, KEYS, 4);
            NDArray v = random(m, KEYS, 5);
            NDArray weights = random(m, QUERIES, 6);
            for (NDArray a : new NDArray[] {q, k, v}) {
                a.setRequiresGradient(true);
            }
            float[] output;
            try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                NDArray out = attention.apply(m, q, k, v);
                output = out.toFloatArray();
                collector.backward(out.mul(weights).sum());
            }
            return new Result(output, new float[][] {q.getGradient().toFloatArray(), k.getGradient().toFloatArray(),
                v.getGradient().toFloatArray()});
        }
    }

    private static NDArray random(NDManager m, Shape shape, long seed) {
        Random random = new Random(seed);
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return m.create(values, shape);
    }
}
