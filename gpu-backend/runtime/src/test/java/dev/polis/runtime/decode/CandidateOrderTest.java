package dev.polis.runtime.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandidateOrderTest {

    @Test
    void ordersByLogitThenIdLikeANaiveSort() {
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            float[] logits = new float[200];
            for (int i = 0; i < logits.length; i++) {
                // Few distinct values, negative and positive, so ties are common.
                logits[i] = (random.nextInt(21) - 10) * 0.5f;
            }
            int[] naive = IntStream.range(0, logits.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -logits[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            assertThat(CandidateOrder.all(logits)).isEqualTo(naive);
            int k = 1 + random.nextInt(40);
            assertThat(CandidateOrder.top(logits, k)).isEqualTo(java.util.Arrays.copyOf(naive, k));
        }
    }

    @Test
    void topOfMoreThanTheVocabularyIsEverything() {
        assertThat(CandidateOrder.top(new float[] {1f, 3f, 2f}, 10)).containsExactly(1, 2, 0);
    }
}
