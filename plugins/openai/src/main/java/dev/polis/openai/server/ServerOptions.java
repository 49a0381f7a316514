package dev.polis.openai.server;

import java.time.Duration;

/**
 * Limits of a {@link ChatCompletionsServer}.
 *
 * @param maxBodyBytes  the largest request body accepted; larger ones get 413
 * @param shutdownGrace how long {@link ChatCompletionsServer#close()} lets requests in flight finish
 * @param backlog       the listening socket's backlog; 0 for the system default
 */
public record ServerOptions(long maxBodyBytes, Duration shutdownGrace, int backlog) {

    /** 8 MiB bodies, 10 seconds of grace, the system's backlog. */
    public static final ServerOptions DEFAULTS = new ServerOptions(8L << 20, Duration.ofSeconds(10), 0);

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
        return new ServerOptions(bytes, shutdownGrace, backlog);
    }

    /** Returns a copy with another grace period. */
    public ServerOptions withShutdownGrace(Duration grace) {
        return new ServerOptions(maxBodyBytes, grace, backlog);
    }
}
