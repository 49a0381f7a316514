package dev.polis.openai.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Says how often and how long to wait before retrying a failed attempt: exponential backoff with jitter,
 * bounded in attempts and in total waiting time.
 *
 * @param maxRetries     retries after the first attempt (so at most {@code maxRetries + 1} attempts)
 * @param initialBackoff the base wait before the first retry
 * @param maxBackoff     the largest base wait
 * @param maxTotalWait   the most time spent waiting between attempts, over all retries of one call
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxTotalWait) {

    /** Returns the most attempts one call makes. */
    public int maxAttempts() {
        return maxRetries + 1;
    }

    /**
     * Returns the wait before retry number {@code retry} (1 for the first): the base wait
     * {@code initialBackoff * 2^(retry-1)}, at most {@code maxBackoff}, scaled by a random factor in [0.5, 1).
     */
    public Duration backoff(int retry, DoubleSupplier random) {
        long initial = Math.max(1, initialBackoff.toMillis());
        long base = Math.min(maxBackoff.toMillis(), initial << Math.min(30, retry - 1));
        return Duration.ofMillis(Math.round(base * (0.5 + 0.5 * random.getAsDouble())));
    }
}
