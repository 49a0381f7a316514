package dev.polis.mhmoe.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routing on the host: ties go to the lower expert, capacity is filled by every first choice (in sub-token order)
 * before any second choice, dropped assignments are counted, and the capacity formula is
 * {@code ceil(f · k · ceil(M / E))}.
 */
class RoutingTest {

    @Test
    void tiesGoToTheLowerExpertAndFirstChoicesFillCapacityBeforeSecondChoices() {
        float[] probs = {
            0.5f, 0.3f, 0.2f,   // sub-token 0: 0 then 1
            0.4f, 0.4f, 0.2f,   // sub-token 1: tie, 0 then 1
            0.1f, 0.6f, 0.3f,   // sub-token 2: 1 then 2
            0.7f, 0.1f, 0.2f};  // sub-token 3: 0 then 2
        Routing r = Routing.of(probs, 4, 3, 2, 2);
        assertThat(new int[] {r.expert(0), r.expert(1), r.expert(2), r.expert(3)}).containsExactly(0, 1, 0, 1);
        // expert 0 takes sub-tokens 0 and 1's first choices; sub-token 3's first choice is dropped
        assertThat(r.assignments(0)).containsExactly(0, 2);
        assertThat(r.kept(6)).isFalse();
        // expert 1: sub-token 2's first choice, then the second choices of 0 (1 is full after that)
        assertThat(r.assignments(1)).containsExactly(4, 1);
        assertThat(r.kept(3)).isFalse();
        assertThat(r.assignments(2)).containsExactly(5, 7);
        assertThat(r.dropped()).isEqualTo(2);
        assertThat(r.firstChoices()).containsExactly(3, 1, 0);
        assertThat(r.dispatchOrder()).containsExactly(0, 2, 4, 1, 5, 7);
    }

    @Test
    void capacityIsTheFactorTimesKTimesTheEvenShare() {
        MoeConfig c = new MoeConfig(List.of(0), 1, 8, 2, 4, false, 1, 0, false);
        assertThat(c.capacity(17, 1.0)).isEqualTo(6);
        assertThat(c.capacity(17, 1.25)).isEqualTo(8);
        assertThat(c.capacity(17, 0)).isEqualTo(Integer.MAX_VALUE);
    }
}
