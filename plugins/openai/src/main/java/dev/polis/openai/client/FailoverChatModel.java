package dev.polis.openai.client;

import dev.polis.api.PolisException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.ChatStreamListener;
import dev.polis.api.chat.ToolCallFragment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

/**
 * One model served by several OpenAI-compatible servers: each call goes to the server with the most free request
 * slots (its own {@code maxConcurrency}; ties in turn), and one that fails with a connection error, a timeout, 408,
 * 429 or 5xx is tried on the next server at once; a server that failed is tried last for {@value #SHUNNED_MS} ms.
 * When every server failed, the round is repeated after a backoff, up to {@code maxRetries} more rounds.
 * Each answer carries the base URL that gave it ({@link ChatResponse#endpoint()}), which {@code calls.jsonl}
 * records. A refused request (4xx) or a stream that already handed out text fails at once.
 */
public final class FailoverChatModel implements ChatModel {

    /** How long a server that failed is tried after the others. */
    static final long SHUNNED_MS = 10_000;

    /** One server: its model, base URL and concurrency limit. */
    public record Server(OpenAiChatModel model, String baseUrl, java.util.concurrent.Semaphore permits, int limit) {
    }

    private final List<Server> servers;
    private final RetryPolicy retry;
    private final String spec;
    private final DoubleSupplier random;
    private final AtomicLong turn = new AtomicLong();
    private final AtomicLongArray failedAt;

    /**
     * Creates the model.
     *
     * @param servers the servers, each a one-attempt model ({@code maxRetries} 0)
     * @param retry   how often every server is tried again, and the backoff between rounds
     * @param spec    the spec naming every server, as {@link #spec()} returns it
     */
    public FailoverChatModel(List<Server> servers, RetryPolicy retry, String spec) {
        this(servers, retry, spec, () -> ThreadLocalRandom.current().nextDouble());
    }

    FailoverChatModel(List<Server> servers, RetryPolicy retry, String spec, DoubleSupplier random) {
        this.servers = List.copyOf(servers);
        this.retry = retry;
        this.spec = spec;
        this.random = random;
        this.failedAt = new AtomicLongArray(servers.size());
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return call(server -> server.model().chat(request));
    }

    @Override
    public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        ChatResponse response;
        try {
            response = call(server -> server.model().stream(request, new Pieces(listener)));
        } catch (RuntimeException e) {
            listener.onError(e);
            throw e;
        }
        listener.onComplete(response);
        return response;
    }

    @Override
    public String spec() {
        return spec;
    }

    /** Closes every server's model; calls in flight are cancelled. */
    @Override
    public void close() {
        servers.forEach(server -> server.model().close());
    }

    private ChatResponse call(java.util.function.Function<Server, ChatResponse> attempt) {
        List<String> failures = new ArrayList<>();
        Duration waited = Duration.ZERO;
        for (int round = 1; ; round++) {
            for (int index : order()) {
                Server server = servers.get(index);
                try {
                    ChatResponse response = attempt.apply(server);
                    failedAt.set(index, 0);
                    return response.withEndpoint(server.baseUrl());
                } catch (EndpointFailure failure) {
                    if (!failure.retryable()) {
                        throw failure;
                    }
                    failedAt.set(index, System.currentTimeMillis());
                    failures.add(failure.getMessage());
                }
            }
            Duration wait = retry.backoff(round, random);
            if (round >= retry.maxAttempts() || waited.plus(wait).compareTo(retry.maxTotalWait()) > 0) {
                throw new PolisException("openai " + spec + ": every one of its " + servers.size() + " servers"
                        + " failed, " + round + (round == 1 ? " round" : " rounds") + ": " + String.join("; ",
                        failures.subList(Math.max(0, failures.size() - servers.size()), failures.size())));
            }
            sleep(wait);
            waited = waited.plus(wait);
        }
    }

    /** Returns the servers in the order to try: not failed lately first, then most free slots, ties in turn. */
    private List<Integer> order() {
        long now = System.currentTimeMillis();
        long start = turn.getAndIncrement();
        int n = servers.size();
        return IntStream.range(0, n).map(k -> (int) ((start + k) % n)).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> now - failedAt.get(i) < SHUNNED_MS ? 1 : 0)
                        .thenComparingDouble(i -> -servers.get(i).permits().availablePermits()
                                / (double) servers.get(i).limit()))
                .toList();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolisException("openai: cancelled: the calling thread was interrupted", e);
        }
    }

    /** Passes a server's pieces on, but not its end: the caller ends the stream once, after any failover. */
    private record Pieces(ChatStreamListener listener) implements ChatStreamListener {
        @Override
        public void onText(String piece) {
            listener.onText(piece);
        }

        @Override
        public void onToolCallFragment(ToolCallFragment fragment) {
            listener.onToolCallFragment(fragment);
        }

        @Override
        public void onComplete(ChatResponse response) {
        }

        @Override
        public void onError(Throwable error) {
        }
    }
}
