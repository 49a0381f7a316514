package dev.polis.api.chat;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Says what shape the answer's text must have: free text, any JSON object, or JSON that follows a schema.
 *
 * <pre>{@code
 * ResponseFormat harvest = ResponseFormat.jsonSchema("harvest", Map.of("type", "object",
 *         "properties", Map.of("tons", Map.of("type", "integer", "minimum", 0)),
 *         "required", List.of("tons")), true);
 * }</pre>
 *
 * @param type        text, JSON object or JSON schema
 * @param name        the schema's name for {@link Type#JSON_SCHEMA} (1 to 64 letters, digits, {@code _} or
 *                    {@code -}); otherwise {@code ""}
 * @param description what the schema describes, for the model; {@code ""} when none
 * @param schema      the JSON Schema for {@link Type#JSON_SCHEMA} as a tree of maps, lists and plain values;
 *                    otherwise empty
 * @param strict      whether the answer must follow the schema exactly (OpenAI's {@code strict})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ResponseFormat(Type type, String name, String description, Map<String, Object> schema,
                             boolean strict) {

    /** Free text. */
    public static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, "", "", Map.of(), false);
    /** Any JSON object. */
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, "", "", Map.of(), false);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The shapes an answer can be asked to have. */
    public enum Type {
        /** Free text. */
        TEXT,
        /** A JSON object, any keys. */
        JSON_OBJECT,
        /** JSON that follows {@link ResponseFormat#schema()}. */
        JSON_SCHEMA
    }

    /** Checks that a schema and its name are given exactly for {@link Type#JSON_SCHEMA}, and copies the schema. */
    public ResponseFormat {
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        schema = schema == null ? Map.of() : JsonValues.object(schema, "responseFormat.schema");
        if (type == Type.JSON_SCHEMA) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("responseFormat.name: a JSON schema format needs a name of 1 to 64"
                        + " letters, digits, '_' or '-' but got '" + name + "'");
            }
            if (schema.isEmpty()) {
                throw new IllegalArgumentException("responseFormat.schema: a JSON schema format needs a schema, "
                        + "for example {\"type\": \"object\", \"properties\": {...}}");
            }
        } else if (!schema.isEmpty() || !name.isEmpty() || strict) {
            throw new IllegalArgumentException("responseFormat: only a json_schema format carries a name, a schema"
                    + " or strict, not " + type.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Returns the format asking for JSON that follows {@code schema}. */
    public static ResponseFormat jsonSchema(String name, Map<String, Object> schema, boolean strict) {
        return new ResponseFormat(Type.JSON_SCHEMA, name, "", schema, strict);
    }
}
