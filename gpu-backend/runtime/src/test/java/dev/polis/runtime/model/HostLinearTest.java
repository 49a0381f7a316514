package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.polis.runtime.engine.PyTorchEngine;
import dev.polis.runtime.fixtures.TinyCheckpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java vector kernel computes a decode step's linear maps as PyTorch does (to float32 rounding), splits rows over
 * threads without changing a bit, leaves prompts to PyTorch, and a model decodes the same tokens with it on and off.
 * The module's test JVM has the Vector API (its surefire argLine adds it), as the launcher's does.
 */
class HostLinearTest {

    @TempDir
    Path folder;

    @BeforeEach
    void vectorApiIsPresent() {
        assumeThat(HostMatVec.available()).as("this JVM was started without --add-modules jdk.incubator.vector")
                .isTrue();
    }

    @Test
    void aSingleRowThroughTheKernelEqualsPyTorchsProductForOddAndWideShapes() {
        HostLinear linear = HostLinear.create(true, 2);
        try (NDManager m = PyTorchEngine.get().newBaseManager()) {
            int[][] shapes = {{3, 5}, {67, 33}, {576, 576}, {300, 1000}, {1, 129}};
            for (int[] shape : shapes) {
                NDArray w = m.create(random(shape[0] * shape[1], shape[0]), new Shape(shape[0], shape[1]));
                NDArray x = m.create(random(shape[1], 1), new Shape(1, 1, shape[1]));
                NDArray bias = m.create(random(shape[0], 2), new Shape(shape[0]));
                NDArray host = linear.apply(x, w, bias);
                NDArray torch = Ops.linear(x, w, bias);
                assertThat(host.getShape()).isEqualTo(new Shape(1, 1, shape[0]));
                assertThat(maxAbsDiff(host.toFloatArray(), torch.toFloatArray())).as("shape %dx%d", shape[0], shape[1])
                        .isLessThan(1e-5f * (float) Math.sqrt(shape[1]));
            }
        }
    }

    @Test
    void splittingRowsOverTwoThreadsChangesNoBit() {
        int rows = 1000;
        int cols = 200;
        float[] w = random(rows * cols, 3);
        float[] x = random(cols, 4);
        assertThat((long) rows * cols).isGreaterThan(HostMatVec.SPLIT_WEIGHTS);
        assertThat(new HostMatVec(2).multiply(w, rows, cols, x)).isEqualTo(new HostMatVec(1).multiply(w, rows, cols, x));
    }

    @Test
    void aRowGivesTheSameBitsInAGroupOfFourAsAlone() {
        int rows = 11;
        int cols = 70;
        float[] w = random(rows * cols, 7);
        float[] x = random(cols, 8);
        float[] together = new float[rows];
        VectorDot.rows(w, cols, x, together, 0, rows);
        for (int r = 0; r < rows; r++) {
            float[] alone = new float[rows];
            VectorDot.rows(w, cols, x, alone, r, r + 1);
            assertThat(Float.floatToRawIntBits(alone[r])).as("row %d", r)
                    .isEqualTo(Float.floatToRawIntBits(together[r]));
        }
    }

    @Test
    void severalVectorsThroughOneReadOfTheWeightsGetTheBitsEachGetsAlone() {
        int rows = 1003;
        int cols = 131;
        float[] w = random(rows * cols, 9);
        HostMatVec product = new HostMatVec(2);
        // odd counts leave a vector without a partner; 1003 rows leave a partial group of four in the last block
        for (int count : new int[] {2, 3, 5, 10}) {
            float[][] xs = new float[count][];
            for (int j = 0; j < count; j++) {
                xs[j] = random(cols, 100 + j);
            }
            float[][] together = product.multiply(w, rows, cols, xs);
            for (int j = 0; j < count; j++) {
                float[] alone = product.multiply(w, rows, cols, xs[j]);
                for (int r = 0; r < rows; r++) {
                    assertThat(Float.floatToRawIntBits(together[j][r])).as("vector %d of %d, row %d", j, count, r)
                            .isEqualTo(Float.floatToRawIntBits(alone[r]));
                }
            }
        }
    }

    @Test
    void aPromptsRowsKeepPyTorchsProductBitForBit() {
        HostLinear linear = HostLinear.create(true, 2);
        try (NDManager m = PyTorchEngine.get().newBaseManager()) {
            NDArray w = m.create(random(40 * 24, 5), new Shape(40, 24));
            NDArray x = m.create(random(3 * 24, 6), new Shape(1, 3, 24));
            assertThat(linear.apply(x, w, null).toFloatArray()).isEqualTo(Ops.linear(x, w, null).toFloatArray());
        }
    }

    @Test
    void aModelDecodesTheSameTokensWithTheKernelOnAndOff() {
        TinyCheckpoint checkpoint = new TinyCheckpoint();
        checkpoint.hidden = 64;
        checkpoint.intermediate = 96;
        checkpoint.vocab = 300;
        checkpoint.tied = true;
        checkpoint.writeTo(folder);
        try (TransformerLm on = TransformerLm.load(folder, LoadOptions.DEFAULTS);
             TransformerLm off = TransformerLm.load(folder, LoadOptions.DEFAULTS.withHostDecode(false))) {
            assertThat(on.decodeProducts()).startsWith("Java vector kernel");
            assertThat(off.decodeProducts()).isEqualTo("PyTorch");
            try (TransformerSession a = on.newSession(); TransformerSession b = off.newSession()) {
                int[] prompt = {1, 17, 42, 99, 7, 250, 3};
                float[] la = a.appendLast(prompt);
                float[] lb = b.appendLast(prompt);
                for (int step = 0; step < 12; step++) {
                    int ta = argmax(la);
                    assertThat(ta).as("step %d", step).isEqualTo(argmax(lb));
                    la = a.appendLast(new int[] {ta});
                    lb = b.appendLast(new int[] {ta});
                    assertThat(maxAbsDiff(la, lb)).as("logits after step %d", step).isLessThan(1e-4f);
                }
            }
        }
    }

    private static float[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
