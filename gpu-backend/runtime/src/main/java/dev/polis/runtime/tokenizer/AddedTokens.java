package dev.polis.runtime.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;

/**
 * Reads the special added tokens of a {@code tokenizer.json}, streaming past its (possibly large) vocabulary.
 */
final class AddedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AddedTokens() {
    }

    /** Returns the text and id of every added token marked {@code special}, in file order. */
    static Map<String, Integer> special(Path tokenizerJson) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(tokenizerJson.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException(tokenizerJson + ": not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("added_tokens".equals(name) && parser.currentToken() == JsonToken.START_ARRAY) {
                    JsonNode tokens = JSON.readTree(parser);
                    for (JsonNode token : tokens) {
                        if (token.path("special").asBoolean(false) && token.hasNonNull("content")) {
                            ids.put(token.get("content").asText(), token.path("id").asInt());
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(tokenizerJson + ": cannot read it as JSON: " + e.getMessage(), e);
        }
        return ids;
    }
}
