package dev.polis.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import org.apiguardian.api.API;

/**
 * Gives a test a {@link Settings} over a plain map, the way the host hands an extension its configuration block.
 *
 * <p>{@link #bind(Class)} maps the block with Jackson, rejects unknown fields, and reports a bad field as an
 * {@link InvalidInputException} whose message starts with the field's path.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TestSettings implements Settings {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, Object> values;

    private TestSettings(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
    }

    /** Returns settings holding nothing, as for an extension configured without a block. */
    public static TestSettings empty() {
        return new TestSettings(Map.of());
    }

    /** Returns settings over a copy of {@code values}; {@code null} values are kept. */
    public static TestSettings of(Map<String, ?> values) {
        return new TestSettings(values);
    }

    /** Returns settings of alternating keys and values: {@code of("capacity", 100, "months", 12)}. */
    public static TestSettings of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key, value pairs but got " + keysAndValues.length + " arguments");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return new TestSettings(map);
    }

    @Override
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public <T> T bind(Class<T> type) {
        try {
            return MAPPER.convertValue(values, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw new InvalidInputException(describe(mapping), e);
            }
            throw new InvalidInputException("cannot read settings as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return path + ": unknown field (known: " + known + ")";
        }
        return path + ": " + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(settings)" : path.toString();
    }

    @Override
    public String toString() {
        return "TestSettings" + values;
    }
}
