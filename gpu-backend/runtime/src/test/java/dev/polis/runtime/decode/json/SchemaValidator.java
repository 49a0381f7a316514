package dev.polis.runtime.decode.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a JSON value against the schema subset the constrained decoder supports, independently of it: the oracle of
 * the constrained-decoding tests. Returns the list of violations (empty when valid).
 */
public final class SchemaValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaValidator() {
    }

    /** Parses {@code text} strictly and returns every violation of {@code schema}, with its JSON path. */
    public static List<String> violations(String text, Map<String, Object> schema) {
        List<String> out = new ArrayList<>();
        JsonNode value;
        try {
            value = JSON.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(text);
        } catch (Exception e) {
            out.add("not JSON: " + e.getMessage());
            return out;
        }
        check(value, schema, "$", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void check(JsonNode value, Map<String, Object> schema, String path, List<String> out) {
        if (schema.get("enum") instanceof List<?> options) {
            if (options.stream().noneMatch(o -> JSON.valueToTree(o).equals(value))) {
                out.add(path + ": " + value + " not in enum " + options);
            }
            return;
        }
        Object type = schema.get("type");
        switch (type == null ? "any" : type.toString()) {
            case "object" -> {
                if (!value.isObject()) {
                    out.add(path + ": not an object");
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!value.has(name.toString())) {
                        out.add(path + ": required '" + name + "' missing");
                    }
                }
                for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (properties.containsKey(name)) {
                        check(value.get(name), (Map<String, Object>) properties.get(name), path + "." + name, out);
                    } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                        out.add(path + ": unexpected property '" + name + "'");
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    out.add(path + ": not an array");
                    return;
                }
                bound(value.size(), schema, "minItems", "maxItems", path, out);
                for (int i = 0; i < value.size(); i++) {
                    if (schema.get("items") != null) {
                        check(value.get(i), (Map<String, Object>) schema.get("items"), path + "[" + i + "]", out);
                    }
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(path + ": not a string");
                    return;
                }
                bound(value.asText().codePointCount(0, value.asText().length()), schema, "minLength", "maxLength",
                        path, out);
            }
            case "integer", "number" -> {
                if (!value.isNumber() || ("integer".equals(type) && !value.isIntegralNumber())) {
                    out.add(path + ": not " + type + ": " + value);
                    return;
                }
                BigDecimal number = value.decimalValue();
                if (schema.get("minimum") instanceof Number min && number.compareTo(new BigDecimal(min.toString())) < 0
                        || schema.get("maximum") instanceof Number max
                        && number.compareTo(new BigDecimal(max.toString())) > 0) {
                    out.add(path + ": " + number + " out of [" + schema.get("minimum") + ", " + schema.get("maximum") + "]");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(path + ": not a boolean");
                }
            }
            case "null" -> {
                if (!value.isNull()) {
                    out.add(path + ": not null");
                }
            }
            default -> {
            }
        }
    }

    private static void bound(int n, Map<String, Object> schema, String low, String high, String path, List<String> out) {
        if (schema.get(low) instanceof Number min && n < min.intValue()
                || schema.get(high) instanceof Number max && n > max.intValue()) {
            out.add(path + ": size " + n + " out of [" + schema.get(low) + ", " + schema.get(high) + "]");
        }
    }
}
