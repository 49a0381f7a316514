package dev.polis.mindsearch.serve;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices clients that went away while their request runs: every {@code interval} it writes an SSE comment
 * ({@code : ping}, which clients ignore) to each watched stream, so a closed connection fails a write within about two
 * intervals even while the planner or the searchers send nothing (the first write after the client closed usually
 * still succeeds; the next one fails). The stream then reports itself gone, which cancels the request.
 */
final class ClientWatch implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final Duration interval;

    ClientWatch(Duration interval) {
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mindsearch-client-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Pings {@code stream} until the returned handle is cancelled. */
    ScheduledFuture<?> watch(SseStream stream) {
        return timer.scheduleWithFixedDelay(stream::ping, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
