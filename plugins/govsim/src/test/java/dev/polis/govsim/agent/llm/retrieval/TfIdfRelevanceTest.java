package dev.polis.govsim.agent.llm.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfRelevanceTest {

    private final TfIdfRelevance relevance = new TfIdfRelevance();

    @Test
    void sharedRareWordsScoreHigherThanCommonOnes() {
        double[] scores = relevance.score("how many fish should I catch", List.of(
                "John caught 10 tons of fish.", "Everyone in the village should always be honest and kind to their neighbours.", "The market opens on Monday."));

        assertThat(scores[0]).isGreaterThan(scores[1]);
        assertThat(scores[1]).isGreaterThan(scores[2]);
        assertThat(scores[2]).isZero();
    }

    @Test
    void inflectionsMeetAndIdenticalTextsScoreOne() {
        double[] scores = relevance.score("fishing", List.of("she fishes", "fishing"));

        assertThat(scores[0]).isGreaterThan(0);
        assertThat(scores[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aBlankQueryScoresZero() {
        assertThat(relevance.score("", List.of("anything"))).containsExactly(0.0);
        assertThat(relevance.score("the of", List.of("the of"))).containsExactly(0.0);
    }
}
