package dev.polis.mindsearch.exec;

import dev.polis.api.run.EventSink;
import dev.polis.mindsearch.config.MindSearchSettings;
import dev.polis.mindsearch.config.ParentContext;
import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.NodeStatus;
import dev.polis.mindsearch.graph.SearchGraph;
import dev.polis.mindsearch.searcher.Searcher;
import dev.polis.mindsearch.searcher.SearcherOutcome;
import dev.polis.mindsearch.searcher.SearcherTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the searcher nodes a planner turn added, at most {@code parallelism} at once, and returns when every one has
 * answered, failed or timed out (the turn's barrier). With {@link ParentContext#FIXED} a node whose parent was added in
 * the same turn starts once that parent has finished and gets its answer. A node that runs past {@code nodeTimeout}
 * is marked failed at once, and so is every unfinished node when the request's deadline passes; their searchers stop
 * before their next model call. Searcher threads are never interrupted: a thread interrupted while it appends to the
 * run's records (the host writes them through interruptible file channels) would close them for the whole run.
 */
public final class NodeExecutor implements AutoCloseable {

    private final Searcher searcher;
    private final MindSearchSettings settings;
    private final EventSink events;
    private final Instant deadline;
    private final ExecutorService pool;
    private final ScheduledThreadPoolExecutor timer;
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private final Cancellation cancel;

    /** Creates an executor whose nodes must all finish by {@code deadline}. */
    public NodeExecutor(Searcher searcher, MindSearchSettings settings, EventSink events, Instant deadline) {
        this(searcher, settings, events, deadline, new Cancellation());
    }

    /**
     * Creates an executor whose nodes must all finish by {@code deadline}; when {@code cancel} fires, the turn's
     * barrier stops waiting, unfinished nodes fail and their searchers stop before their next model call.
     */
    public NodeExecutor(Searcher searcher, MindSearchSettings settings, EventSink events, Instant deadline,
                        Cancellation cancel) {
        this.cancel = cancel;
        this.searcher = searcher;
        this.settings = settings;
        this.events = events;
        this.deadline = deadline;
        this.pool = Executors.newFixedThreadPool(settings.parallelism(), threads("mindsearch-searcher-"));
        this.timer = new ScheduledThreadPoolExecutor(1, threads("mindsearch-timer-"));
        this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Runs {@code fresh} (nodes of {@code graph} not started yet) and waits for them.
     *
     * @return whether they finished before the request's deadline and the request was not cancelled
     */
    public boolean run(SearchGraph graph, List<GraphNode> fresh) {
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        for (GraphNode node : TurnOrder.of(graph, fresh)) {
            List<CompletableFuture<Void>> parents = new ArrayList<>();
            if (settings.parentContext() == ParentContext.FIXED) {
                graph.parentsOf(node.name()).forEach(p -> {
                    CompletableFuture<Void> f = started.get(p.name());
                    if (f != null) {
                        parents.add(f);
                    }
                });
            }
            CompletableFuture<Void> future = CompletableFuture.allOf(parents.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null).thenCompose(v -> attempt(graph, node));
            started.put(node.name(), future);
        }
        Duration left = Duration.between(Instant.now(), deadline);
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new)),
                    cancel.signal()).get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
            if (cancel.cancelled()) {
                started.values().forEach(f -> f.cancel(false));
                fresh.forEach(n -> stop(n, "the request was cancelled: " + cancel.reason()));
                return false;
            }
            return true;
        } catch (TimeoutException e) {
            fresh.forEach(n -> stop(n, "the request's time limit of " + settings.requestTimeout().toSeconds()
                    + " s ran out before it finished"));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fresh.forEach(n -> stop(n, "the request was cancelled"));
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a searcher node's future failed unexpectedly", e.getCause());
        }
    }

    private CompletableFuture<Void> attempt(SearchGraph graph, GraphNode node) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SearcherTask task = task(graph, node);
        events.emit("mindsearch.node.start", Map.of("node", node.name(), "question", node.content(),
                "parents", task.history().size()));
        node.running();
        pool.submit(() -> {
            try {
                SearcherOutcome outcome = searcher.answer(task, () -> stopped.contains(node.name())
                        || cancel.cancelled());
                node.work(outcome.results(), outcome.read(), outcome.searches());
                finish(node, outcome.answer(), null);
            } catch (RuntimeException | Error e) {
                finish(node, null, e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                done.complete(null);
            }
        });
        timer.schedule(() -> {
            if (stop(node, "timed out after " + settings.nodeTimeout().toSeconds() + " s")) {
                done.complete(null);
            }
        }, settings.nodeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    private SearcherTask task(SearchGraph graph, GraphNode node) {
        List<SearcherTask.QuestionAnswer> history = new ArrayList<>();
        List<GraphNode> parents = settings.parentContext() == ParentContext.FIXED ? graph.parentsOf(node.name())
                : node.declaredParents().stream().map(graph::node).toList();
        for (GraphNode parent : parents) {
            if (parent.status() == NodeStatus.DONE) {
                history.add(new SearcherTask.QuestionAnswer(parent.content(), parent.answer()));
            }
        }
        String topic = graph.root().map(GraphNode::content).orElse(node.content());
        return new SearcherTask(node.name(), node.content(), topic, history);
    }

    /** Fails the node (unless it finished) and tells its searcher to stop; returns whether this call failed it. */
    private boolean stop(GraphNode node, String reason) {
        stopped.add(node.name());
        return finish(node, null, reason);
    }

    /** Sets the node's outcome unless it has one; returns whether this call set it. */
    private boolean finish(GraphNode node, String answer, String error) {
        synchronized (node) {
            if (node.finished()) {
                return false;
            }
            if (error == null) {
                node.answered(answer);
            } else {
                node.failed(error);
            }
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("node", node.name());
        fields.put("status", node.status().name().toLowerCase(java.util.Locale.ROOT));
        fields.put("answer", node.answer());
        fields.put("error", node.error());
        fields.put("searches", node.searches());
        fields.put("results", node.results().size());
        fields.put("read", node.read());
        events.emit("mindsearch.node.done", fields);
        return true;
    }

    /** Stops taking work; searchers still running finish their current model call and stop (no interrupt). */
    @Override
    public void close() {
        pool.shutdown();
        timer.shutdown();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
