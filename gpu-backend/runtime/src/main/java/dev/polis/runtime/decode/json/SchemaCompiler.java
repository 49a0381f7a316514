package dev.polis.runtime.decode.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;

/**
 * Compiles the supported subset of JSON Schema into grammar {@link Node}s: objects with {@code properties} and
 * {@code required}, arrays ({@code items}, {@code minItems}, {@code maxItems}), strings ({@code minLength},
 * {@code maxLength}), {@code enum}, {@code const}, integers and numbers with {@code minimum}/{@code maximum},
 * booleans and {@code null}. Annotations ({@code title}, {@code description}, ...) and {@code additionalProperties}
 * are ignored (the decoder writes only declared properties, which every value of {@code additionalProperties}
 * allows). Any other keyword is an {@link InvalidInputException} naming its schema path.
 */
public final class SchemaCompiler {

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$schema", "$id", "$comment",
            "default", "examples", "additionalProperties", "strict");
    private static final String SUPPORTED = "type, properties, required, items, enum, const, minimum, maximum, "
            + "minLength, maxLength, minItems, maxItems, additionalProperties and annotations";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaCompiler() {
    }

    /** Returns the grammar of any JSON object (the {@code json_object} format). */
    public static Node anyObject() {
        return new Node.ObjectNode(null, Set.of());
    }

    /**
     * Compiles {@code schema}, whose place is named {@code path} in errors (e.g. {@code responseFormat.schema}).
     *
     * @throws InvalidInputException naming the schema path of an unsupported or malformed keyword
     */
    public static Node compile(Map<String, Object> schema, String path) {
        for (String key : schema.keySet()) {
            if (!ANNOTATIONS.contains(key) && !KNOWN.contains(key)) {
                throw new InvalidInputException(path + ": '" + key + "' is not supported by the constrained decoder "
                        + "(supported: " + SUPPORTED + "); drop it, or ask for free text");
            }
        }
        if (schema.containsKey("enum")) {
            if (!(schema.get("enum") instanceof List<?> values) || values.isEmpty()) {
                throw new InvalidInputException(path + ".enum: must be a non-empty list of values");
            }
            return literal(values, path + ".enum");
        }
        if (schema.containsKey("const")) {
            return literal(java.util.Collections.singletonList(schema.get("const")), path + ".const");
        }
        Object type = schema.get("type");
        if (type == null) {
            if (schema.containsKey("properties")) {
                type = "object";
            } else if (schema.containsKey("items")) {
                type = "array";
            } else {
                return new Node.Any();
            }
        }
        return switch (String.valueOf(type)) {
            case "object" -> object(schema, path);
            case "array" -> new Node.ArrayNode(schema.get("items") == null ? new Node.Any()
                    : compile(map(schema.get("items"), path + ".items"), path + ".items"),
                    count(schema, "minItems", 0, path), atLeast(schema, "maxItems", "minItems", path));
            case "string" -> new Node.StringNode(count(schema, "minLength", 0, path),
                    atLeast(schema, "maxLength", "minLength", path));
            case "integer", "number" -> number("integer".equals(type), bound(schema, "minimum", path),
                    bound(schema, "maximum", path), path);
            case "boolean" -> literal(List.of(true, false), path + ".type");
            case "null" -> literal(java.util.Collections.singletonList(null), path + ".type");
            default -> throw new InvalidInputException(path + ".type: '" + type + "' is not supported by the "
                    + "constrained decoder; give one of object, array, string, integer, number, boolean, null");
        };
    }

    private static final Set<String> KNOWN = Set.of("type", "properties", "required", "items", "enum", "const",
            "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems");

    private static Node object(Map<String, Object> schema, String path) {
        if (!schema.containsKey("properties")) {
            return anyObject();
        }
        Map<String, Object> properties = map(schema.get("properties"), path + ".properties");
        List<Node.Property> compiled = new ArrayList<>();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            String at = path + ".properties." + property.getKey();
            String quoted = write(property.getKey(), at);
            byte[] key = quoted.substring(1, quoted.length() - 1).getBytes(StandardCharsets.UTF_8);
            compiled.add(new Node.Property(property.getKey(), key, compile(map(property.getValue(), at), at)));
        }
        Set<String> required = new LinkedHashSet<>();
        if (schema.get("required") instanceof List<?> names) {
            for (Object name : names) {
                if (!properties.containsKey(String.valueOf(name))) {
                    throw new InvalidInputException(path + ".required: '" + name + "' is not among the properties ("
                            + String.join(", ", properties.keySet()) + ")");
                }
                required.add(String.valueOf(name));
            }
        } else if (schema.containsKey("required")) {
            throw new InvalidInputException(path + ".required: must be a list of property names");
        }
        if (compiled.size() > 63) {
            throw new InvalidInputException(path + ".properties: the constrained decoder takes at most 63 properties "
                    + "per object but got " + compiled.size());
        }
        return new Node.ObjectNode(List.copyOf(compiled), Set.copyOf(required));
    }

    private static Node number(boolean integer, BigDecimal minimum, BigDecimal maximum, String path) {
        Node.NumberNode node = new Node.NumberNode(integer, minimum, maximum);
        if (!NumberRange.viable(node, "") && !NumberRange.viable(node, "-")) {
            throw new InvalidInputException(path + ": no " + (integer ? "integer" : "number") + " lies in [" + minimum
                    + ", " + maximum + "] with at most " + NumberRange.INTEGER_DIGITS + " integer and "
                    + NumberRange.FRACTION_DIGITS + " fraction digits");
        }
        return node;
    }

    private static Node literal(List<?> values, String path) {
        if (values.size() > 63) {
            throw new InvalidInputException(path + ": the constrained decoder takes at most 63 values but got "
                    + values.size());
        }
        List<byte[]> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(write(value, path).getBytes(StandardCharsets.UTF_8));
        }
        return new Node.Literal(List.copyOf(texts));
    }

    private static int atLeast(Map<String, Object> schema, String key, String lowKey, String path) {
        int high = count(schema, key, Integer.MAX_VALUE, path);
        int low = count(schema, lowKey, 0, path);
        if (high < low) {
            throw new InvalidInputException(path + "." + key + ": " + high + " is below " + lowKey + " " + low
                    + ", so no value fits");
        }
        return high;
    }

    private static int count(Map<String, Object> schema, String key, int absent, String path) {
        Object value = schema.get(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidInputException(path + "." + key + ": must be a non-negative integer but was " + value);
        }
        return (int) Math.min(Integer.MAX_VALUE, n.longValue());
    }

    private static BigDecimal bound(Map<String, Object> schema, String key, String path) {
        Object value = schema.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number)) {
            throw new InvalidInputException(path + "." + key + ": must be a number but was " + value);
        }
        return new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(path + ": must be a JSON Schema object but was " + value);
        }
        return (Map<String, Object>) map;
    }

    private static String write(Object value, String path) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(path + ": " + e.getMessage(), e);
        }
    }
}
