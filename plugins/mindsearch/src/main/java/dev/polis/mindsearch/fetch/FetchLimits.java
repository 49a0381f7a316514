package dev.polis.mindsearch.fetch;

import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import java.time.Duration;

/**
 * The bounds of one page fetch, read from a web backend's settings.
 *
 * @param connectTimeout the longest wait for a connection ({@code fetch-connect-timeout}, seconds, default 5)
 * @param readTimeout    the longest wait for the response and its whole body ({@code fetch-read-timeout}, seconds,
 *                       default 10)
 * @param maxBytes       bytes read at most; the rest of a larger page is not read ({@code fetch-max-bytes},
 *                       default 2 MiB)
 * @param maxRedirects   redirects followed at most ({@code fetch-max-redirects}, default 5)
 * @param maxChars       characters of text kept per page (the searcher's page limit)
 */
public record FetchLimits(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects, int maxChars) {

    /** The defaults, with the original's 8,192 characters per page. */
    public static final FetchLimits DEFAULTS = new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
            2L << 20, 5, 8192);

    /** Checks the components. */
    public FetchLimits {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("fetch time limits must be positive");
        }
        if (maxBytes < 1 || maxRedirects < 0 || maxChars < 1) {
            throw new IllegalArgumentException("fetch size limits must be positive");
        }
    }

    /**
     * Reads the {@code fetch-*} settings of a backend block ({@code prefix} names the block in messages), keeping
     * {@code maxChars}.
     *
     * @throws InvalidInputException when a value is not a positive number
     */
    public static FetchLimits from(Settings settings, String prefix, int maxChars) {
        return new FetchLimits(
                Duration.ofMillis(Math.round(1000 * positive(settings, prefix, "fetch-connect-timeout", 5))),
                Duration.ofMillis(Math.round(1000 * positive(settings, prefix, "fetch-read-timeout", 10))),
                (long) positive(settings, prefix, "fetch-max-bytes", 2 << 20),
                (int) positive(settings, prefix, "fetch-max-redirects", 5), maxChars);
    }

    private static double positive(Settings settings, String prefix, String key, double fallback) {
        double value;
        try {
            value = settings.doubleValue(key, fallback);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(prefix + "." + e.getMessage() + "; give a positive number, e.g."
                    + " --backend-setting " + key + "=" + (long) fallback, e);
        }
        if (!(value > 0) && !(key.equals("fetch-max-redirects") && value == 0)) {
            throw new InvalidInputException(prefix + "." + key + " must be positive but was " + value
                    + "; give e.g. --backend-setting " + key + "=" + (long) fallback);
        }
        return value;
    }
}
