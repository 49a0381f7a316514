package dev.polis.openai.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Hands out one semaphore per base URL, so that all models of a provider share each endpoint's concurrency limit.
 *
 * <p>The first model created for a base URL sets its limit; later models of the same URL share that semaphore.
 */
public final class EndpointLimits {

    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    /** Returns the semaphore of {@code baseUrl}, creating it with {@code limit} permits on first use. */
    public Semaphore of(URI baseUrl, int limit) {
        return permits.computeIfAbsent(baseUrl.toString(), url -> new Semaphore(limit, true));
    }
}
