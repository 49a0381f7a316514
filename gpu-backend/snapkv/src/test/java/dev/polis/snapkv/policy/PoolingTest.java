package dev.polis.snapkv.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pooling keeps the votes' length for odd kernels, counts the zero padding when averaging, and refuses even kernels. */
class PoolingTest {

    private static final float[] SPIKE = {0, 0, 0, 9, 0, 0, 1};

    @Test
    void kernelOneReturnsTheRawVotes() {
        assertThat(Pooling.MAX.pool(SPIKE, 1)).containsExactly(SPIKE);
        assertThat(Pooling.AVG.pool(SPIKE, 1)).containsExactly(SPIKE);
    }

    @Test
    void maxPoolingSpreadsASpikeToItsNeighbours() {
        assertThat(Pooling.MAX.pool(SPIKE, 3)).containsExactly(0, 0, 9, 9, 9, 1, 1);
    }

    @Test
    void averagePoolingCountsTheZeroPaddingAtTheEdges() {
        float[] ones = {3, 3, 3, 3};
        assertThat(Pooling.AVG.pool(ones, 3)).containsExactly(2, 3, 3, 2);
        assertThat(Pooling.AVG.pool(ones, 5)).containsExactly(9 / 5f, 12 / 5f, 12 / 5f, 9 / 5f);
    }

    @Test
    void anEvenKernelIsRefused() {
        assertThatThrownBy(() -> Pooling.MAX.pool(SPIKE, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd");
    }
}
