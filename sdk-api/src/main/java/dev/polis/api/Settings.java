package dev.polis.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Gives an extension read access to its block of configuration.
 *
 * <p>Values are the plain tree read from YAML or JSON (maps, lists, strings, numbers, booleans) after
 * {@code ${ENV}} substitution. Typed getters have defaults so that a plugin can grow its settings the way
 * Micrometer's registry configurations do; {@link #bind(Class)} maps the whole block onto a record and
 * reports bad fields with their path.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Settings {

    /** Returns the whole block as an unmodifiable map; empty when nothing was configured. */
    Map<String, Object> asMap();

    /**
     * Maps this block onto {@code type} (usually a record).
     *
     * @throws InvalidInputException when a field has the wrong type or is unknown; the message names its path
     */
    <T> T bind(Class<T> type);

    /** Returns the raw value under a top-level key, if present. */
    default Optional<Object> get(String key) {
        return Optional.ofNullable(asMap().get(key));
    }

    /** Returns the value under {@code key} as text, if present. */
    default Optional<String> string(String key) {
        return get(key).map(String::valueOf);
    }

    /** Returns the value under {@code key} as text, or {@code fallback} when absent. */
    default String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    /** Returns the value under {@code key} as an int, or {@code fallback} when absent. */
    default int intValue(String key, int fallback) {
        return get(key).map(v -> number(key, v).intValue()).orElse(fallback);
    }

    /** Returns the value under {@code key} as a long, or {@code fallback} when absent. */
    default long longValue(String key, long fallback) {
        return get(key).map(v -> number(key, v).longValue()).orElse(fallback);
    }

    /** Returns the value under {@code key} as a double, or {@code fallback} when absent. */
    default double doubleValue(String key, double fallback) {
        return get(key).map(v -> number(key, v).doubleValue()).orElse(fallback);
    }

    /** Returns the value under {@code key} as a boolean, or {@code fallback} when absent. */
    default boolean booleanValue(String key, boolean fallback) {
        return get(key).map(v -> {
            if (v instanceof Boolean b) {
                return b;
            }
            String text = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new InvalidInputException(key + ": expected true or false but found '" + v + "'");
        }).orElse(fallback);
    }

    /** Returns the value under {@code key} as a list of strings; a single value becomes a one-element list. */
    default List<String> strings(String key) {
        return get(key).map(v -> v instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(v))).orElse(List.of());
    }

    /**
     * Returns settings holding nothing, as for an extension configured without a block.
     *
     * <p>{@link #bind(Class)} creates a record with every component at its default (0, {@code false},
     * {@code null}), as binding an empty block does, or calls a class's no-argument constructor.
     */
    static Settings empty() {
        return EmptySettings.INSTANCE;
    }

    private static Number number(String key, Object value) {
        if (value instanceof Number n) {
            return n;
        }
        try {
            return Double.valueOf(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key + ": expected a number but found '" + value + "'", e);
        }
    }
}
