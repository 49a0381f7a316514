package dev.polis.runtime.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns {@code key=value} option texts ({@code --recipe-option}, {@code --decoder-option}) into plain setting values:
 * booleans, numbers, else strings.
 */
final class OptionValues {

    private OptionValues() {
    }

    static Map<String, Object> parse(Map<String, String> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        options.forEach((key, text) -> out.put(key, value(text.trim())));
        return out;
    }

    private static Object value(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }
}
