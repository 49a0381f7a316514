package dev.polis.govsim.agent.llm.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.chat.ResponseFormat;
import dev.polis.govsim.protocol.ParseStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A structured harvest answer is read as JSON only: an object with a whole non-negative amount, else 0. */
class StructuredHarvestParseTest {

    @Test
    void anObjectWithAWholeAmountGivesThatAmount() {
        assertThat(StructuredHarvest.parse("{\"amount\":31}")).isEqualTo(
                new HarvestParse(31, HarvestParseDetail.NUMBER, "{\"amount\":31}"));
        assertThat(StructuredHarvest.parse(" {\"amount\": 0} ").amount()).isZero();
        assertThat(StructuredHarvest.parse("{\"amount\": 99999999999}").detail()).isEqualTo(HarvestParseDetail.TOO_LARGE);
    }

    @Test
    void anythingElseIsJsonInvalidAndZeroNeverReadAsFreeText() {
        for (String answer : new String[] {"Answer: 10 tons", "{\"amt\": 4}", "{\"amount\": 7.5}", "{\"amount\": -3}",
                "{\"amount\": \"7\"}", "[7]", "{\"amount\":1", "", "null"}) {
            HarvestParse parse = StructuredHarvest.parse(answer);
            assertThat(parse.amount()).as(answer).isZero();
            assertThat(parse.detail()).as(answer).isEqualTo(HarvestParseDetail.JSON_INVALID);
            assertThat(parse.toDecision().status().coarse()).isEqualTo(ParseStatus.NO_NUMBER);
        }
    }

    @Test
    void theFormatBoundsTheAmountByThePool() {
        ResponseFormat format = StructuredHarvest.format(37);
        assertThat(format.type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(format.schema()).containsEntry("required", java.util.List.of("amount"));
        Map<?, ?> properties = (Map<?, ?>) format.schema().get("properties");
        assertThat(properties.get("amount")).isEqualTo(Map.of("type", "integer", "minimum", 0L, "maximum", 37L));
    }
}
