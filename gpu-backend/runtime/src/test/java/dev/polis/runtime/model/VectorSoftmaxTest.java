package dev.polis.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SIMD softmax numerators of heap attention: exponentials within 2 ulp of {@code Math.exp}, unseen slots 0. */
class VectorSoftmaxTest {

    @BeforeEach
    void vectorApiIsPresent() {
        assumeThat(HostMatVec.available()).as("this JVM was started without --add-modules jdk.incubator.vector")
                .isTrue();
    }

    @Test
    void exponentialsOfScoresBelowTheMaximumAreWithinTwoUlpOfMathExp() {
        Random random = new Random(5);
        int seen = 1000;
        float[] scores = new float[seen + 3];
        for (int s = 0; s < seen; s++) {
            // differences from the maximum from 0 to -86, with the maximum itself at slot 17
            scores[s] = s == 17 ? 4f : 4f - 90f * random.nextFloat() * random.nextFloat();
        }
        float[] original = scores.clone();
        double total = VectorSoftmax.numerators(scores, seen);
        double expected = 0;
        for (int s = 0; s < seen; s++) {
            float exact = (float) Math.exp(original[s] - 4f);
            expected += exact;
            if (original[s] - 4f >= -86f) {
                assertThat(Math.abs(scores[s] - exact)).as("slot %d, x = %f", s, original[s] - 4f)
                        .isLessThanOrEqualTo(2 * Math.ulp(exact));
            }
        }
        assertThat(scores[17]).isEqualTo(1f);
        assertThat(total).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 * expected));
        assertThat(new float[] {scores[seen], scores[seen + 1], scores[seen + 2]}).containsOnly(0f);
    }

    @Test
    void aRowShorterThanOneVectorAndFarBelowTheMaximumStaysFiniteAndNonNegative() {
        int lanes = VectorSoftmax.lanes();
        float[] scores = new float[lanes + 1];
        scores[0] = 0f;
        scores[1] = -1000f;
        scores[2] = -88.5f;
        double total = VectorSoftmax.numerators(scores, 3);
        assertThat(scores[0]).isEqualTo(1f);
        assertThat(scores[1]).isBetween(0f, 1e-37f);
        assertThat(scores[2]).isBetween(0f, 1e-37f);
        assertThat(total).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-30));
        for (int s = 3; s < scores.length; s++) {
            assertThat(scores[s]).isZero();
        }
    }
}
