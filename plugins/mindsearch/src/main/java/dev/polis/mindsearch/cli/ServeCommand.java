package dev.polis.mindsearch.cli;

import dev.polis.mindsearch.serve.SolveServer;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polis mindsearch serve}: answers {@code POST /solve} requests with server-sent events in the original
 * MindSearch's envelope, each request in its own run folder, until the process is stopped; {@code GET /} is the
 * graph page.
 */
@Command(name = "serve", description = {
    "Serves POST /solve: {\"inputs\": \"<question>\"} answered as server-sent events in the original MindSearch's"
        + " envelope (its React frontend's format), then 'final', 'error' and 'done' events. Each request is"
        + " recorded in its own run folder under --output. GET / is a web page that asks and shows the search graph"
        + " as it grows, each node's queries, results and answer, and the cited answer.",
    "Example: polis mindsearch serve --index docs-index --model openai:http://127.0.0.1:11434/v1#qwen2.5:7b"})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    MindSearchCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8002", description = "port; 0 picks a free one (default: ${DEFAULT-VALUE}, the original's)")
    int port;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SolveServer server;

    @Override
    public Integer call() throws InterruptedException {
        QuestionRunner runner = options.runner(parent.services());
        AtomicInteger count = new AtomicInteger();
        String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        server = SolveServer.start(host, port, (question, session, events, cancel) -> {
            String id = "solve-" + started + "-" + count.incrementAndGet();
            runner.run(id, question, events, QuestionRunner.PLANNER, cancel);
            return id;
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println("MindSearch listening at " + server.solveUrl() + " (runs in " + options.output + ")");
        out.println("The graph page: open " + server.solveUrl().replace("/solve", "/") + " in a browser");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        stopped.await();
        return 0;
    }

    /** Returns the running server, or null before it started. */
    SolveServer server() {
        return server;
    }

    /** Stops the server and lets {@link #call} return. */
    void stop() {
        SolveServer s = server;
        if (s != null) {
            s.close();
        }
        stopped.countDown();
    }
}
