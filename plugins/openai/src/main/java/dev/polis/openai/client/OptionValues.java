package dev.polis.openai.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.polis.api.InvalidInputException;

/** Reads typed values from a spec's options, with {@code openai:}-prefixed errors that name the option. */
final class OptionValues {

    private OptionValues() {
    }

    static String string(Map<String, Object> options, String name, String fallback) {
        Object value = options.get(name);
        return value == null ? fallback : String.valueOf(value);
    }

    static int integer(Map<String, Object> options, String name, int fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
            if (parsed < 0) {
                throw new NumberFormatException("negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("openai: " + name + " must be a whole number >= 0 but was '" + value + "'",
                    e);
        }
    }

    static Duration duration(Map<String, Object> options, String name, Duration fallback) {
        Object value = options.get(name);
        Duration parsed = value == null ? fallback : Durations.parse("openai: " + name, value);
        if (parsed.isNegative()) {
            throw new InvalidInputException("openai: " + name + " must not be negative but was '" + value + "'");
        }
        return parsed;
    }

    static Map<String, String> headers(Map<String, Object> options) {
        Object value = options.get("headers");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException("openai: headers must be a map of header names to values, for example "
                    + "headers: {X-Team: blue}");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        map.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        return headers;
    }
}
