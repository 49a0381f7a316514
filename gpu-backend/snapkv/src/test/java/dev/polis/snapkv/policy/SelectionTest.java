package dev.polis.snapkv.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each head keeps its own top-voted prefix slots, in slot order, then the window; a pooled spike brings its
 * neighbours first; ties go to the earlier slot.
 */
class SelectionTest {

    @Test
    void eachHeadKeepsItsTopVotedPrefixSlotsThenTheWindow() {
        float[][] votes = {{0.1f, 0.9f, 0.2f, 0.8f, 0.0f}, {0.5f, 0.0f, 0.0f, 0.1f, 0.7f}};
        int[][] kept = Selection.keep(votes, 8, 5, 3);
        assertThat(kept[0]).containsExactly(1, 3, 5, 6, 7);
        assertThat(kept[1]).containsExactly(0, 4, 5, 6, 7);
    }

    @Test
    void aSpikePooledWithKernelThreeSelectsItsNeighboursFirst() {
        float[] raw = {0.3f, 0, 0, 0, 1, 0, 0, 0.2f};
        float[][] pooled = {Pooling.MAX.pool(raw, 3)};
        assertThat(Selection.keep(pooled, 10, 5, 2)[0]).containsExactly(3, 4, 5, 8, 9);
        assertThat(Selection.keep(new float[][] {raw}, 10, 5, 2)[0]).as("kernel 1: the raw top votes")
                .containsExactly(0, 4, 7, 8, 9);
    }

    @Test
    void tiesGoToTheEarlierSlot() {
        float[][] votes = {{1, 1, 1, 1}};
        assertThat(Selection.keep(votes, 5, 3, 1)[0]).containsExactly(0, 1, 4);
    }

    @Test
    void aCapacityOfOnlyTheWindowKeepsTheWindow() {
        assertThat(Selection.keep(new float[][] {{5, 4}}, 4, 2, 2)[0]).containsExactly(2, 3);
    }
}
