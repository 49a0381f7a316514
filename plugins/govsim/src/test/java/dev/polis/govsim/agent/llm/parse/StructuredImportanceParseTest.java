package dev.polis.govsim.agent.llm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ResponseFormat;
import org.junit.jupiter.api.Test;

/** Constrained ratings are read as JSON only: a rating from 1 to 10 counts, anything else is invalid. */
class StructuredImportanceParseTest {

    @Test
    void aRatingFromOneToTenIsReadAndEverythingElseIsInvalidWithTheDefault() {
        assertThat(StructuredImportance.parse("{\"rating\": 7}")).isEqualTo(
                new ImportanceRating(7, ImportanceRating.Outcome.PARSED, "{\"rating\": 7}"));
        assertThat(StructuredImportance.parse(" {\"rating\":10} ").score()).isEqualTo(10);
        for (String answer : new String[] {"7", "Rating: 7", "{\"rating\": 0}", "{\"rating\": 11}",
                "{\"rating\": 7.5}", "{\"rating\": \"7\"}", "{\"score\": 7}", "{\"rating\": 7", "", null}) {
            ImportanceRating rating = StructuredImportance.parse(answer);
            assertThat(rating.outcome()).as(answer).isEqualTo(ImportanceRating.Outcome.JSON_INVALID);
            assertThat(rating.score()).as(answer).isEqualTo(ImportanceRating.DEFAULT_SCORE);
        }
    }

    @Test
    void theFormatHoldsTheRatingToOneThroughTen() {
        ResponseFormat format = StructuredImportance.format();
        assertThat(format.type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(format.schema()).containsEntry("required", java.util.List.of("rating"));
        java.util.Map<?, ?> properties = (java.util.Map<?, ?>) format.schema().get("properties");
        assertThat(properties.get("rating"))
                .isEqualTo(java.util.Map.of("type", "integer", "minimum", 1L, "maximum", 10L));
    }
}
