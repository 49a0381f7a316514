package dev.polis.govsim.agent.llm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.govsim.agent.llm.parse.ImportanceRating.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportanceParserTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "7                          | 7 | PARSED",
            "Rating: 8/10               | 8 | PARSED",
            "I would say 10.            | 10| PARSED",
            "1                          | 1 | PARSED",
            "It is mundane              | 5 | NO_NUMBER",
            "''                         | 5 | NO_NUMBER",
            "0                          | 5 | OUT_OF_RANGE",
            "11                         | 5 | OUT_OF_RANGE",
            "150                        | 5 | OUT_OF_RANGE",
            "7.5                        | 5 | OUT_OF_RANGE",
            "Rating: 3 (out of 10)      | 3 | PARSED",
    })
    void readsTheFirstNumberAndFallsBackToFive(String answer, int score, Outcome outcome) {
        ImportanceRating rating = ImportanceParser.parse(answer);

        assertThat(rating.score()).isEqualTo(score);
        assertThat(rating.outcome()).isEqualTo(outcome);
    }

    @Test
    void normalizesScoresAsRetrievalUsesThem() {
        assertThat(ImportanceParser.parse("1").normalized()).isZero();
        assertThat(ImportanceParser.parse("10").normalized()).isEqualTo(1.0);
        assertThat(ImportanceParser.parse("no idea").normalized()).isEqualTo(4 / 9.0);
    }
}
