package dev.polis.mindsearch.interp;

import java.util.List;
import java.util.Map;

/** Describes interpreter values in messages, with Python's type names. */
final class Values {

    private Values() {
    }

    /** Returns the Python type name of {@code value}. */
    static String describe(Object value) {
        if (value == GraphApi.NONE || value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return "a bool";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a dict";
        }
        if (value instanceof GraphHandle) {
            return "a WebSearchGraph";
        }
        return value.getClass().getSimpleName();
    }
}
