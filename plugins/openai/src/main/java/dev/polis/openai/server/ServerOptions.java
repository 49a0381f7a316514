package dev.polis.openai.server;

import java.time.Duration;

/**
 * Limits of a {@link ChatCompletionsServer}.
 *
 * @param maxBodyBytes  the largest request body accepted; larger ones get 413
 * @param shutdownGrace how long {@link ChatCompletionsServer#close()} lets requests in flight finish
 * @param backlog       the listening socket's backlog; 0 for the system default
 * @param apiKey        the key every request must send as {@code Authorization: Bearer <key>} (401 without it), or
 *                      {@code null} for none; {@link #toString()} never shows it
 */
public record ServerOptions(long maxBodyBytes, Duration shutdownGrace, int backlog, String apiKey) {

    /** 8 MiB bodies, 10 seconds of grace, the system's backlog, no key. */
    public static final ServerOptions DEFAULTS = new ServerOptions(8L << 20, Duration.ofSeconds(10), 0);

    /** Creates options without an API key. */
    public ServerOptions(long maxBodyBytes, Duration shutdownGrace, int backlog) {
        this(maxBodyBytes, shutdownGrace, backlog, null);
    }

    /** Checks the values. */
    public ServerOptions {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1 but was " + maxBodyBytes);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative but was " + shutdownGrace);
        }
    }

    /** Returns a copy with another body limit. */
    public ServerOptions withMaxBodyBytes(long bytes) {
        return new ServerOptions(bytes, shutdownGrace, backlog, apiKey);
    }

    /** Returns a copy with another grace period. */
    public ServerOptions withShutdownGrace(Duration grace) {
        return new ServerOptions(maxBodyBytes, grace, backlog, apiKey);
    }

    /** Returns a copy that requires {@code key} ({@code null} or blank: no key). */
    public ServerOptions withApiKey(String key) {
        return new ServerOptions(maxBodyBytes, shutdownGrace, backlog, key == null || key.isBlank() ? null : key);
    }

    /** Shows the limits and whether a key is required, never the key. */
    @Override
    public String toString() {
        return "ServerOptions[maxBodyBytes=" + maxBodyBytes + ", shutdownGrace=" + shutdownGrace + ", backlog="
                + backlog + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
