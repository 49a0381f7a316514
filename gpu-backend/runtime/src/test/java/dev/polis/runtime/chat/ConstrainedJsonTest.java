package dev.polis.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ResponseFormat;
import dev.polis.runtime.decode.json.SchemaValidator;
import dev.polis.runtime.fixtures.TestHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A random-weight model, held to a JSON schema token by token, writes only schema-valid JSON: 200 sampled answers
 * over five schemas (nested objects, arrays, enums, bounded numbers, required fields), each checked by an
 * independent validator.
 */
class ConstrainedJsonTest {

    static final List<String> SCHEMAS = List.of("""
            {"type": "object", "properties": {"name": {"type": "string", "maxLength": 12},
             "age": {"type": "integer", "minimum": 0, "maximum": 120}}, "required": ["name", "age"]}""", """
            {"type": "object", "properties": {"harvest": {"type": "integer", "minimum": 0, "maximum": 50},
             "reason": {"type": "string", "minLength": 2, "maxLength": 20},
             "mood": {"enum": ["calm", "angry", 3, null, true]}}, "required": ["harvest", "mood"]}""", """
            {"type": "object", "properties": {"points": {"type": "array", "minItems": 1, "maxItems": 4,
             "items": {"type": "object", "properties": {"x": {"type": "number", "minimum": -2.5, "maximum": 7.25},
             "y": {"type": "number", "minimum": 100}}, "required": ["x", "y"]}}}, "required": ["points"]}""", """
            {"type": "object", "properties": {"ok": {"type": "boolean"}, "note": {"type": "null"},
             "tags": {"type": "array", "maxItems": 3, "items": {"type": "string", "maxLength": 5}},
             "inner": {"type": "object", "properties": {"level": {"type": "integer", "minimum": -10, "maximum": -3},
             "deeper": {"type": "object", "properties": {"z": {"enum": ["a", "ab", "abc"]}}, "required": ["z"]}},
             "required": ["level", "deeper"]}}, "required": ["ok", "inner"]}""", """
            {"type": "array", "minItems": 2, "maxItems": 5, "items": {"type": "integer", "minimum": 7, "maximum": 1234}}""");

    @TempDir
    static Path temp;

    private static ChatModel model;

    @BeforeAll
    static void load() throws Exception {
        Path folder = TinyChatCheckpoint.writeTo(Files.createDirectories(temp.resolve("m")), 2048);
        model = new LocalChatModelProvider(TestHost.extensions(), TestHost.settings())
                .create(ModelRequest.of("local:" + folder));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void twoHundredSampledAnswersOverFiveSchemasAreAllSchemaValid() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int s = 0; s < SCHEMAS.size(); s++) {
            Map<String, Object> schema = schema(SCHEMAS.get(s));
            for (int seed = 0; seed < 40; seed++) {
                ChatResponse response = model.chat(ChatRequest.of(Message.user("Answer in JSON."))
                        .withResponseFormat(ResponseFormat.jsonSchema("s" + s, schema, true))
                        .withSettings(GenerationSettings.DEFAULTS.withTemperature(1.0).withSeed(seed).withMaxTokens(1200)));
                List<String> violations = SchemaValidator.violations(response.text(), schema);
                if (!violations.isEmpty() || response.finishReason() != FinishReason.STOP) {
                    failures.add("schema " + s + " seed " + seed + " (" + response.finishReason() + "): "
                            + response.text() + " " + violations);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(200);
        assertThat(failures).isEmpty();
    }

    @Test
    void anUnsupportedSchemaFeatureIsRefusedNamingItsPath() throws Exception {
        Map<String, Object> schema = schema("""
                {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string", "pattern": "^a"}}}}""");
        assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("Hi"))
                .withResponseFormat(ResponseFormat.jsonSchema("t", schema, true))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("responseFormat.schema.properties.tags.items: 'pattern' is not supported");
        Map<String, Object> either = schema("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}");
        assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("Hi"))
                .withResponseFormat(ResponseFormat.jsonSchema("t", either, true))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("responseFormat.schema: 'anyOf' is not supported");
        Map<String, Object> impossible = schema("{\"type\": \"integer\", \"minimum\": 3, \"maximum\": 2}");
        assertThatThrownBy(() -> model.chat(ChatRequest.of(Message.user("Hi"))
                .withResponseFormat(ResponseFormat.jsonSchema("t", impossible, true))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("responseFormat.schema: no integer lies in [3, 2]");
    }

    static Map<String, Object> schema(String json) throws Exception {
        return new ObjectMapper().readValue(json, new TypeReference<>() {
        });
    }
}
