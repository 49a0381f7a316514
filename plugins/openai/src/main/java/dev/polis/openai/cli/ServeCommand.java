package dev.polis.openai.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.core.calls.CallLog;
import dev.polis.core.calls.RecordingChatModel;
import dev.polis.core.calls.SpecRedaction;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polis serve}: serves any model the host can resolve over an OpenAI-compatible HTTP API until
 * interrupted (Ctrl-C), then shuts down gracefully; with {@code --embedder}, serves an embedding model at
 * {@code /v1/embeddings} too.
 */
@Command(name = "serve", description = {
    "Serves a chat model over an OpenAI-compatible API (GET /v1/models, POST /v1/chat/completions), and with",
    "--embedder an embedding model too (POST /v1/embeddings).",
    "Example: polis serve --model replay:runs/r1/calls.jsonl --port 8080"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "<spec>",
            description = "The model to serve: any spec the installed providers resolve, for example "
                    + "openai:http://127.0.0.1:11434/v1#qwen2.5:7b or replay:runs/r1/calls.jsonl.")
    private String model;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A provider option, as in a configuration block (repeatable), for example "
                    + "--option apiKeyEnv=OPENAI_API_KEY.")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--embedder", paramLabel = "<spec>",
            description = "An embedding model to serve at /v1/embeddings: any spec the installed embedding "
                    + "providers resolve, for example openai:http://127.0.0.1:11434/v1#mxbai-embed-large.")
    private String embedder;

    @Option(names = "--embedder-option", paramLabel = "KEY=VALUE",
            description = "An option of the --embedder provider, as in a configuration block (repeatable).")
    private Map<String, String> embedderOptions = new LinkedHashMap<>();

    @Option(names = "--embedder-name", paramLabel = "<name>",
            description = "The embedding model name clients ask for (default: the --embedder spec's model part, "
                    + "or the whole spec).")
    private String embedderName;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the model to "
                    + "the network).")
    private String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<port>",
            description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--served-name", paramLabel = "<name>",
            description = "The model name clients ask for (default: the spec's model part, or the whole spec).")
    private String servedName;

    @Option(names = "--max-body", defaultValue = "8388608", paramLabel = "<bytes>",
            description = "The largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
    private long maxBody;

    @Option(names = "--grace", defaultValue = "10", paramLabel = "<seconds>",
            description = "How long requests in flight may finish when the server stops (default: ${DEFAULT-VALUE}).")
    private int graceSeconds;

    @Option(names = "--record", paramLabel = "<calls.jsonl>",
            description = "Append every model call to this file, in the format replay: reads.")
    private Path record;

    @Spec
    private CommandSpec spec;

    private final ModelResolver resolver;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile ChatCompletionsServer server;

    /** Creates the command; {@code resolver} turns the {@code --model} spec into a model. */
    public ServeCommand(ModelResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        ModelSpec modelSpec = withOptions(model, options);
        String name = servedName != null ? servedName : nameOf(modelSpec, model);
        ModelSpec embedderSpec = embedder == null ? null : withOptions(embedder, embedderOptions);
        String embedderServedName = embedder == null ? null
                : embedderName != null ? embedderName : nameOf(embedderSpec, embedder);
        ServerOptions serverOptions = new ServerOptions(maxBody, Duration.ofSeconds(graceSeconds), 0);
        CallLog log = record == null ? null : CallLog.open(record);
        ChatModel served = resolver.resolve(modelSpec);
        if (log != null) {
            served = RecordingChatModel.wrap(served, modelSpec, log);
        }
        PrintWriter out = spec.commandLine().getOut();
        Thread hook = new Thread(this::stop, "polis-serve-shutdown");
        try (ChatModel closing = served;
             EmbeddingModel embedding = embedderSpec == null ? null : resolver.resolveEmbedder(embedderSpec)) {
            server = ChatCompletionsServer.start(closing, name, embedding, embedderServedName,
                    new InetSocketAddress(host, port), serverOptions);
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Serving " + SpecRedaction.redact(modelSpec) + " as '" + name + "'"
                    + (embedderSpec == null ? "" : " and " + SpecRedaction.redact(embedderSpec) + " as '"
                    + embedderServedName + "'") + " at " + server.baseUrl()
                    + (log == null ? "" : ", recording calls to " + log.file()) + " (Ctrl-C stops)");
            out.flush();
            stop.await();
        } finally {
            stopServer();
            removeHook(hook);
            if (log != null) {
                log.close();
            }
        }
        out.println("Stopped.");
        out.flush();
        return 0;
    }

    /** Stops serving: lets requests in flight finish within the grace period, then returns from {@link #call()}. */
    public void stop() {
        stopServer();
        stop.countDown();
    }

    /** Returns the running server, or {@code null} before it started. */
    ChatCompletionsServer server() {
        return server;
    }

    private void stopServer() {
        ChatCompletionsServer running = server;
        if (running != null) {
            running.close();
        }
    }

    private static ModelSpec withOptions(String text, Map<String, String> extra) {
        ModelSpec parsed = ModelSpec.parse(text);
        return new ModelSpec(parsed.provider(), parsed.location(), parsed.model(), Map.copyOf(extra));
    }

    private static String nameOf(ModelSpec parsed, String text) {
        return parsed.model().isEmpty() ? text : parsed.model();
    }

    private void checkOptions() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535 but was " + port);
        }
        if (maxBody < 1) {
            throw new ParameterException(spec.commandLine(), "--max-body must be at least 1 byte but was " + maxBody);
        }
        if (graceSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--grace must not be negative but was " + graceSeconds);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing to remove
        }
    }
}
