package dev.polis.openai.client;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import dev.polis.api.InvalidInputException;

/** Reads durations from configuration: a number of seconds, {@code 500ms}, {@code 30s}, {@code 2m}, or ISO-8601. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String option, Object value) {
        if (value instanceof Number number) {
            return Duration.ofMillis(Math.round(number.doubleValue() * 1000));
        }
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            }
            if (text.endsWith("m") && !text.startsWith("p")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 60));
            }
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidInputException(option + ": '" + value + "' is not a duration; write seconds (30), "
                    + "500ms, 30s, 2m or PT30S", e);
        }
    }
}
