package dev.polis.mindsearch.web;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Reads and checks the settings the web backends share; a bad value is the user's mistake, named with its fix. */
final class WebSettings {

    private WebSettings() {
    }

    /**
     * Returns setting {@code key} as an http(s) URL, or {@code fallback} when absent ({@code null}: required).
     *
     * @throws InvalidInputException when it is missing or not an http(s) URL
     */
    static URI url(Settings settings, String backend, String key, String fallback, String example) {
        String value = settings.string(key).map(String::strip).filter(s -> !s.isEmpty()).orElse(fallback);
        if (value == null) {
            throw new InvalidInputException(backend + "." + key + ": no server URL given; pass --backend-setting "
                    + key + "=" + example);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(backend + "." + key + ": '" + value + "' is not a URL; give one such as "
                    + example, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidInputException(backend + "." + key + ": '" + value + "' is not an http(s) URL with a"
                    + " host; give one such as " + example);
        }
        return uri;
    }

    /** Returns setting {@code key} in seconds (default {@code fallback}); it must be positive. */
    static Duration seconds(Settings settings, String backend, String key, double fallback) {
        double value;
        try {
            value = settings.doubleValue(key, fallback);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(backend + "." + e.getMessage() + "; give seconds, e.g. --backend-setting "
                    + key + "=" + (long) fallback, e);
        }
        if (!(value > 0)) {
            throw new InvalidInputException(backend + "." + key + " must be a positive number of seconds but was "
                    + value + "; give e.g. --backend-setting " + key + "=" + (long) fallback);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    /** Returns setting {@code key} as a whole number of at least 1 (default {@code fallback}). */
    static int count(Settings settings, String backend, String key, int fallback) {
        double value;
        try {
            value = settings.doubleValue(key, fallback);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(backend + "." + e.getMessage() + "; give e.g. --backend-setting " + key
                    + "=" + fallback, e);
        }
        if (value < 1 || value != Math.rint(value)) {
            throw new InvalidInputException(backend + "." + key + " must be a whole number of at least 1 but was "
                    + value + "; give e.g. --backend-setting " + key + "=" + fallback);
        }
        return (int) value;
    }

    /** Returns a list setting as one comma-separated value ({@code google,bing} or a YAML list), or empty. */
    static String joined(Settings settings, String key) {
        List<String> parts = settings.strings(key).stream().flatMap(s -> List.of(s.split(",")).stream())
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return String.join(",", parts);
    }
}
