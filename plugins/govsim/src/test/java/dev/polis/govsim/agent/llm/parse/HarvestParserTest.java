package dev.polis.govsim.agent.llm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.govsim.protocol.HarvestDecision;
import dev.polis.govsim.protocol.ParseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HarvestParserTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "Let me think. Answer: 10 tons                     | 10         | NUMBER",
            "Answer:10                                          | 10         | NUMBER",
            "So, the answer is: 7 tons of fish                  | 7          | NUMBER",
            "**Answer**: 12 flocks                              | 12         | NUMBER",
            "Answer: 1,000 tons                                 | 1          | FIRST_DIGIT_GROUP",
            "Answer: -5 tons                                    | 5          | SIGN_IGNORED",
            "Answer: 7.5 tons                                   | 7          | FRACTION_DROPPED",
            "Answer: 100000000000000000000 tons                 | 2147483647 | TOO_LARGE",
            "Answer: 2147483647                                 | 2147483647 | NUMBER",
            "Answer: 250 tons                                   | 250        | NUMBER",
            "Answer: none at all                                | 0          | NO_NUMBER",
            "I will catch 10 tons.                              | 0          | NO_MARKER",
            "''                                                 | 0          | NO_MARKER",
            "Answer: I pick 3, maybe 4                          | 3          | NUMBER",
            "With 80 tons around, 16 is fair. Answer: 9 tons    | 9          | NUMBER",
            "Answer: 5 tons. Answer: 8 tons                     | 5          | NUMBER",
            "answer: 5                                          | 0          | NO_MARKER",
    })
    void followsTheFirstDigitsAfterTheMarkerRule(String answer, int amount, HarvestParseDetail detail) {
        HarvestParse parse = HarvestParser.parse(answer);

        assertThat(parse.amount()).isEqualTo(amount);
        assertThat(parse.detail()).isEqualTo(detail);
        assertThat(parse.rawText()).isEqualTo(answer);
    }

    @Test
    void aThousandWithASeparatorIsReadAsOneAndReportedAsTheFirstDigitGroup() {
        HarvestDecision decision = HarvestParser.parse("Answer: 1,000 tons").toDecision();

        assertThat(decision.amount()).isEqualTo(1);
        assertThat(decision.status()).isEqualTo(ParseStatus.FIRST_DIGIT_GROUP);
        assertThat(decision.status().coarse()).isEqualTo(ParseStatus.PARSED);
        assertThat(decision.status().malformed()).isTrue();
        assertThat(decision.rawText()).isEqualTo("Answer: 1,000 tons");
    }

    @Test
    void missingNumbersGiveZeroWithNoNumberStatusAndKeepTheRawText() {
        HarvestDecision noMarker = HarvestParser.parse("I would rather not say.").toDecision();
        HarvestDecision noDigits = HarvestParser.parse("Answer: ten tons").toDecision();

        assertThat(noMarker.amount()).isZero();
        assertThat(noMarker.status()).isEqualTo(ParseStatus.NO_MARKER);
        assertThat(noMarker.status().coarse()).isEqualTo(ParseStatus.NO_NUMBER);
        assertThat(noMarker.status().numberRead()).isFalse();
        assertThat(noMarker.rawText()).isEqualTo("I would rather not say.");
        assertThat(noDigits.amount()).isZero();
        assertThat(noDigits.status()).isEqualTo(ParseStatus.NO_NUMBER);
    }

    @Test
    void absurdlyLargeNumbersAreNotClampedToThePool() {
        assertThat(HarvestParser.parse("Answer: 5000 tons").toDecision().amount()).isEqualTo(5000);
        assertThat(HarvestParser.parse("Answer: 99999999999 tons").toDecision().status()).isEqualTo(ParseStatus.TOO_LARGE);
    }

    @Test
    void everyDetailIsReportedUnderTheProtocolStatusOfTheSameNameExceptAPlainNumber() {
        for (HarvestParseDetail detail : HarvestParseDetail.values()) {
            String expected = detail == HarvestParseDetail.NUMBER ? "PARSED" : detail.name();
            assertThat(detail.status().name()).isEqualTo(expected);
        }
        assertThat(HarvestParser.parse("Answer: -5").toDecision().status().coarse()).isEqualTo(ParseStatus.PARSED);
        assertThat(HarvestParser.parse("Answer: 7.5").toDecision().status()).isEqualTo(ParseStatus.FRACTION_DROPPED);
        assertThat(ParseStatus.PARSED.malformed()).isFalse();
        assertThat(ParseStatus.NOT_TEXT.coarse()).isEqualTo(ParseStatus.NOT_TEXT);
    }

    @Test
    void nullIsTreatedAsAnEmptyAnswer() {
        assertThat(HarvestParser.parse(null)).isEqualTo(new HarvestParse(0, HarvestParseDetail.NO_MARKER, ""));
    }
}
