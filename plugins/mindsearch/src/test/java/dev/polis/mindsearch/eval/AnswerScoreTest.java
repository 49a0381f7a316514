package dev.polis.mindsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SQuAD-style normalisation, exact match and token F1, on cases worked out by hand. */
class AnswerScoreTest {

    @Test
    void normalisationDropsCasePunctuationArticlesAndExtraSpace() {
        assertThat(AnswerScore.normalize("  The River, Osk!  ")).isEqualTo("river osk");
        assertThat(AnswerScore.normalize("an apple a day")).isEqualTo("apple day");
        assertThat(AnswerScore.normalize("Theatre anatomy")).as("articles only as whole words").isEqualTo("theatre anatomy");
    }

    @Test
    void exactMatchTakesTheBestGoldAnswer() {
        assertThat(AnswerScore.exactMatch("the river Osk.", List.of("Osk", "River Osk"))).isEqualTo(1.0);
        assertThat(AnswerScore.exactMatch("Osk river", List.of("river Osk"))).isZero();
    }

    @Test
    void tokenF1CountsCommonTokensWithTheirMultiplicity() {
        // prediction "osk osk river" vs gold "river osk": common = min counts = 1 osk + 1 river = 2;
        // precision 2/3, recall 1, F1 = 2 (2/3) / (5/3) = 0.8
        assertThat(AnswerScore.f1("Osk osk river", "the river Osk")).isCloseTo(0.8, within(1e-12));
        assertThat(AnswerScore.f1("Kellmouth", "Osk")).isZero();
        assertThat(AnswerScore.f1("it was first built in 1871", List.of("1871", "in 1871")))
                .as("best of 2/7 and 2 (2/6)(1) / (2/6 + 1) = 1/2").isCloseTo(0.5, within(1e-12));
    }

    @Test
    void containsLooksForAGoldAnswerOnWholeTokens() {
        assertThat(AnswerScore.contains("It was built in 1871.", List.of("1871"))).isEqualTo(1.0);
        assertThat(AnswerScore.contains("It was built in 18712.", List.of("1871"))).isZero();
    }
}
