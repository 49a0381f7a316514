package dev.polis.guards.chain;

import java.util.Map;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;

/**
 * Reads a guard's settings block, naming each bad setting by its path ({@code guards[1].threshold}).
 *
 * @param settings the block
 * @param path     where the block sits, {@code ""} at the top
 */
public record BlockSettings(Settings settings, String path) {

    /** Returns the setting's full name for messages. */
    public String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Returns a share in (0, 1], or {@code fallback} when absent; out of range is an error naming the setting. */
    public double share(String key, double fallback) {
        double value;
        try {
            value = settings.doubleValue(key, fallback);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name(key) + ": expected a number in (0, 1] but found '"
                    + settings.get(key).orElse("") + "'", e);
        }
        if (!(value > 0 && value <= 1)) {
            throw new InvalidInputException(name(key) + ": must be in (0, 1] but was " + value);
        }
        return value;
    }

    /** Returns a boolean setting, naming it when it is not true or false. */
    public boolean flag(String key, boolean fallback) {
        try {
            return settings.booleanValue(key, fallback);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name(key) + ": expected true or false but found '"
                    + settings.get(key).orElse("") + "'", e);
        }
    }

    /** Returns one of {@code allowed}, or {@code fallback} when absent; anything else is an error naming the setting. */
    public String choice(String key, String fallback, String... allowed) {
        String value = settings.string(key, fallback);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new InvalidInputException(name(key) + ": must be one of " + String.join(", ", allowed) + " but was '"
                + value + "'");
    }

    /** Returns settings over a plain map, for a member block of a chain. */
    public static Settings of(Map<String, Object> values) {
        return new Settings() {
            private static final ObjectMapper MAPPER = new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

            @Override
            public Map<String, Object> asMap() {
                return values;
            }

            @Override
            public <T> T bind(Class<T> type) {
                try {
                    return MAPPER.convertValue(values, type);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(e.getMessage(), e);
                }
            }
        };
    }
}
