package dev.polis.govsim.agent.llm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallParsersTest {

    @Test
    void insightsAreSplitAtItemNumbersAndCutAtTheEvidence() {
        assertThat(InsightParser.parse("""
                1. The lake recovers when we each take 10 tons (because of 1, 3)
                2. Kate tends to overfish (because of 2)
                3.   Talking helps.
                """)).containsExactly("The lake recovers when we each take 10 tons", "Kate tends to overfish",
                "Talking helps.");
    }

    @Test
    void theLeadingNumberOfTheFirstInsightIsOptional() {
        assertThat(InsightParser.parse("Fish double each month (because of 1) 2. Greed ends badly"))
                .containsExactly("Fish double each month", "Greed ends badly");
        assertThat(InsightParser.parse("   ")).isEmpty();
    }

    @Test
    void theAgreedLimitIsTheFirstNumberAfterTheMarker() {
        assertThat(LimitParser.parse("They agreed on 10 tons each. Answer: 10")).contains(10);
        assertThat(LimitParser.parse("Answer: N/A")).isEmpty();
        assertThat(LimitParser.parse("Nobody agreed on anything. Answer: N/A, though 12 was mentioned")).isEmpty();
        assertThat(LimitParser.parse("12 tons per person")).contains(12);
        assertThat(LimitParser.parse("Answer: 99999999999")).isEmpty();
        assertThat(LimitParser.parse("no agreement")).isEmpty();
    }

    @Test
    void thoughtsAreCutToTheirFirstSentence() {
        assertThat(SentenceParser.firstSentence("\"I should fish 7.5 tons at most. Kate agreed.\""))
                .isEqualTo("I should fish 7.5 tons at most.");
        assertThat(SentenceParser.firstSentence("No sentence end here")).isEqualTo("No sentence end here");
        assertThat(SentenceParser.firstSentence(null)).isEmpty();
    }
}
