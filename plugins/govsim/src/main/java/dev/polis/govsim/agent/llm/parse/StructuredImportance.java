package dev.polis.govsim.agent.llm.parse;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.chat.ResponseFormat;

/**
 * The constrained form of the importance rating ({@code choices: constrained}): the JSON schema the answer is held
 * to ({@code {"rating": N}} with {@code 1 <= N <= 10}, the original's constrained selection of "1".."10") and the
 * reading of the answer back as JSON only.
 *
 * <p>An answer that is not a JSON object with a whole {@code rating} from 1 to 10 (a server that ignored the format,
 * a cut answer) gets the default 5 with {@link ImportanceRating.Outcome#JSON_INVALID}; it is never read as free text.
 */
public final class StructuredImportance {

    /** The name of the response format, as recorded in {@code calls.jsonl}. */
    public static final String FORMAT_NAME = "importance";

    /** The key of the rating in the answer. */
    public static final String KEY = "rating";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredImportance() {
    }

    /** Returns the response format asking for {@code {"rating": N}} with {@code N} in {@code [1, 10]}. */
    public static ResponseFormat format() {
        Map<String, Object> rating = Map.of("type", "integer", "minimum", 1, "maximum", 10);
        return ResponseFormat.jsonSchema(FORMAT_NAME, Map.of("type", "object", "properties", Map.of(KEY, rating),
                "required", List.of(KEY), "additionalProperties", false), true);
    }

    /** Reads the rating of a constrained answer; never throws. */
    public static ImportanceRating parse(String answer) {
        String text = answer == null ? "" : answer;
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return invalid(text);
        }
        JsonNode rating = tree == null || !tree.isObject() ? null : tree.get(KEY);
        if (rating == null || !rating.isIntegralNumber() || !rating.canConvertToInt()
                || rating.intValue() < 1 || rating.intValue() > 10) {
            return invalid(text);
        }
        return new ImportanceRating(rating.intValue(), ImportanceRating.Outcome.PARSED, text);
    }

    private static ImportanceRating invalid(String text) {
        return new ImportanceRating(ImportanceRating.DEFAULT_SCORE, ImportanceRating.Outcome.JSON_INVALID, text);
    }
}
