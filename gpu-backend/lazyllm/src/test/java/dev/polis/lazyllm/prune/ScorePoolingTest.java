package dev.polis.lazyllm.prune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Max-pooling of pruning scores over neighbouring positions, worked by hand. */
class ScorePoolingTest {

    @Test
    void widthOneIsEachTokensOwnScore() {
        double[] scores = {0.1, 0.5, 0.2};
        assertThat(ScorePooling.maxPool(scores, new int[] {0, 1, 2}, 1, 2)).containsExactly(0.1, 0.5, 0.2);
    }

    @Test
    void widthThreeGivesEachTokenTheHighestScoreWithinOnePosition() {
        double[] scores = {0.1, 0.0, 0.6, 0.0, 0.0, 0.2, 0.1};
        int[] positions = {0, 1, 2, 3, 4, 5, 6};
        assertThat(ScorePooling.maxPool(scores, positions, 3, 99))
                .containsExactly(0.1, 0.6, 0.6, 0.6, 0.2, 0.2, 0.2);
    }

    @Test
    void neighboursAreOriginalPositionsSoATokenThatStoppedEarlierLendsNothing() {
        double[] scores = {0.0, 0.9, 0.0};
        int[] positions = {3, 5, 6};
        assertThat(ScorePooling.maxPool(scores, positions, 3, 99)).containsExactly(0.0, 0.9, 0.9);
        assertThat(ScorePooling.maxPool(scores, positions, 5, 99)).containsExactly(0.9, 0.9, 0.9);
    }

    @Test
    void theScoringQueryLendsItsOwnScoreToNoNeighbour() {
        double[] scores = {0.1, 0.0, 0.8};
        int[] positions = {0, 1, 2};
        assertThat(ScorePooling.maxPool(scores, positions, 3, 2)).containsExactly(0.1, 0.1, 0.8);
    }

    @Test
    void theScoresPassedInAreLeftAsTheyWere() {
        double[] scores = {0.0, 1.0};
        ScorePooling.maxPool(scores, new int[] {0, 1}, 3, 9);
        assertThat(scores).containsExactly(0.0, 1.0);
    }
}
