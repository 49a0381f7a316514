package dev.polis.govsim.agent.llm.parse;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.ResponseFormat;

/**
 * The structured form of the harvest question: the JSON schema the answer is held to ({@code {"amount": N}} with
 * {@code 0 <= N <= pool}) and the reading of the answer back.
 *
 * <p>A model that honours the schema (a {@code local:} model decodes under its token mask; OpenAI-compatible servers
 * that support {@code response_format}) always gives a readable amount. An answer that is still not a JSON object with
 * a whole non-negative {@code amount} (a server that ignored the format, a cut answer) reads as 0 with
 * {@link HarvestParseDetail#JSON_INVALID}, never through the free-text rule.
 */
public final class StructuredHarvest {

    /** The name of the response format, as recorded in {@code calls.jsonl}. */
    public static final String FORMAT_NAME = "harvest";

    /** The key of the amount in the answer. */
    public static final String KEY = "amount";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private StructuredHarvest() {
    }

    /** Returns the response format asking for {@code {"amount": N}} with {@code N} in {@code [0, pool]}. */
    public static ResponseFormat format(int pool) {
        Map<String, Object> amount = Map.of("type", "integer", "minimum", 0, "maximum", Math.max(0, pool));
        return ResponseFormat.jsonSchema(FORMAT_NAME, Map.of("type", "object", "properties", Map.of(KEY, amount),
                "required", List.of(KEY), "additionalProperties", false), true);
    }

    /** Reads the amount of a structured answer; never throws. */
    public static HarvestParse parse(String answer) {
        String text = answer == null ? "" : answer;
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new HarvestParse(0, HarvestParseDetail.JSON_INVALID, text);
        }
        JsonNode amount = tree == null ? null : tree.get(KEY);
        if (tree == null || !tree.isObject() || amount == null || !amount.isIntegralNumber()
                || amount.bigIntegerValue().signum() < 0) {
            return new HarvestParse(0, HarvestParseDetail.JSON_INVALID, text);
        }
        BigInteger value = amount.bigIntegerValue();
        return value.compareTo(INT_MAX) > 0 ? new HarvestParse(Integer.MAX_VALUE, HarvestParseDetail.TOO_LARGE, text)
                : new HarvestParse(value.intValue(), HarvestParseDetail.NUMBER, text);
    }
}
