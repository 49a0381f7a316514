package dev.polis.api.chat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies JSON trees held as Java values (maps, lists, strings, numbers, booleans, {@code null}) into immutable,
 * normalised trees, so that a tree read back from JSON equals the tree that was written.
 *
 * <p>Maps keep their key order; integral numbers become {@link Long} (or {@link BigInteger} when they do not
 * fit), other numbers become {@link Double}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * Returns an immutable, normalised copy of the JSON object {@code map}.
     *
     * @param field the field the tree belongs to, named in errors
     * @throws IllegalArgumentException when a value is not a JSON value
     */
    static Map<String, Object> object(Map<String, ?> map, String field) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException(field + ": a JSON object key must not be null");
            }
            copy.put(entry.getKey(), value(entry.getValue(), field + "." + entry.getKey()));
        }
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object value, String field) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException(field + ": JSON object keys must be strings, not " + key);
                }
            }
            return object((Map<String, ?>) map, field);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(value(list.get(i), field + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        throw new IllegalArgumentException(field + ": " + value.getClass().getSimpleName()
                + " is not a JSON value; use maps, lists, strings, numbers, booleans and null");
    }
}
