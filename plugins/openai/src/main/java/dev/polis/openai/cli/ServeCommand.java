package dev.polis.openai.cli;

import dev.polis.api.InvalidInputException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.concurrent.CountDownLatch;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.api.embedding.EmbeddingModel;
import dev.polis.api.host.Models;
import dev.polis.api.run.EventSink;
import dev.polis.api.run.RunContext;
import dev.polis.api.run.RunRecord;
import dev.polis.api.guard.Guard;
import dev.polis.api.host.Extensions;
import dev.polis.api.host.SettingsFactory;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.GuardedChatModel;
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
 *
 * <p>Models come from the host's {@link Models}, so the operator's {@code POLIS_DEVICE}, {@code POLIS_DECODER}
 * and {@code POLIS_ACCELERATORS} choices reach in-process models, and with {@code --record <folder>} every chat
 * and embedding call is appended to {@code <folder>/calls.jsonl}.
 */
@Command(name = "serve", description = {
    "Serves a chat model over an OpenAI-compatible API (GET /v1/models, POST /v1/chat/completions), and with",
    "--embedder an embedding model too (POST /v1/embeddings).",
    "Example: polis serve --model replay:runs/r1/calls.jsonl --port 8080",
    "The operator's POLIS_DEVICE, POLIS_DECODER and POLIS_ACCELERATORS apply to in-process models."})
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

    @Option(names = "--api-key-env", defaultValue = "POLIS_SERVE_API_KEY", paramLabel = "<variable>",
            description = "The environment variable holding the API key clients must send as 'Authorization: Bearer"
                    + " <key>' (default: ${DEFAULT-VALUE}); when it is unset or empty, no key is asked for.")
    private String apiKeyEnv;

    @Option(names = "--allow-unauthenticated",
            description = "Serve on a non-loopback --host without an API key, on purpose (refused otherwise).")
    private boolean allowUnauthenticated;

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

    @Option(names = "--record", paramLabel = "<folder>",
            description = "Append every model call (chat and embedding) to <folder>/calls.jsonl, in the format "
                    + "replay: reads; the folder is created when missing.")
    private Path record;

    @Option(names = "--guards", paramLabel = "<file>",
            description = "A guard configuration (YAML or JSON) put in front of the model, for example 'guards: "
                    + "[{id: spotlight}, {id: injection}, {id: leak, canaries: [CANARY-7f3a]}]' (guard.chain, from "
                    + "the guards plugin): refused input or a withheld answer is an HTTP 400 naming the reason.")
    private Path guards;

    @Spec
    private CommandSpec spec;

    private final Models models;
    private final Function<String, String> environment;
    private Extensions extensions;
    private SettingsFactory settingsFactory;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile ChatCompletionsServer server;

    /** Creates the command; {@code models} turns the {@code --model} and {@code --embedder} specs into models. */
    public ServeCommand(Models models) {
        this(models, System::getenv);
    }

    /** Creates the command that can open {@code --guards} through the host's extensions and settings. */
    public ServeCommand(Models models, Extensions extensions, SettingsFactory settingsFactory) {
        this(models, System::getenv);
        this.extensions = extensions;
        this.settingsFactory = settingsFactory;
    }

    /** Creates the command reading the API key from {@code environment} (a variable name to its value, or null). */
    public ServeCommand(Models models, Function<String, String> environment) {
        this.models = models;
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        ModelSpec modelSpec = withOptions(model, options);
        String name = servedName != null ? servedName : nameOf(modelSpec, model);
        ModelSpec embedderSpec = embedder == null ? null : withOptions(embedder, embedderOptions);
        String embedderServedName = embedder == null ? null
                : embedderName != null ? embedderName : nameOf(embedderSpec, embedder);
        String apiKey = apiKey();
        ServerOptions serverOptions = new ServerOptions(maxBody, Duration.ofSeconds(graceSeconds), 0)
                .withApiKey(apiKey);
        RunContext run = record == null ? RunContext.detached(0) : RunContext.inFolder("serve", 0, record, EventSink.discarding());
        PrintWriter out = spec.commandLine().getOut();
        Thread hook = new Thread(this::stop, "polis-serve-shutdown");
        try (Guard guard = guards == null ? null : ServedGuards.open(guards, extensions, settingsFactory, run);
             ChatModel served = models.chat(ModelRequest.of(modelSpec).inRun(run));
             EmbeddingModel embedding = embedderSpec == null ? null
                     : models.embedding(ModelRequest.of(embedderSpec).inRun(run))) {
            ChatModel answering = guard == null ? served : new GuardedChatModel(served, guard);
            server = ChatCompletionsServer.start(answering, name, embedding, embedderServedName,
                    new InetSocketAddress(host, port), serverOptions);
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Serving " + SpecText.shown(modelSpec) + " as '" + name + "'"
                    + (embedderSpec == null ? "" : " and " + SpecText.shown(embedderSpec) + " as '"
                    + embedderServedName + "'") + " at " + server.baseUrl()
                    + (record == null ? "" : ", recording calls to " + record.resolve(RunRecord.CALLS))
                    + (apiKey == null ? "" : ", API key required (from " + apiKeyEnv + ")")
                    + (guards == null ? "" : ", guarded by " + guards) + " (Ctrl-C stops)");
            out.flush();
            stop.await();
        } finally {
            stopServer();
            removeHook(hook);
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

    /**
     * Returns the API key from {@code --api-key-env}, or null; refuses a non-loopback {@code --host} without one
     * unless {@code --allow-unauthenticated} says it is meant to be open.
     */
    private String apiKey() {
        String key = environment.apply(apiKeyEnv);
        key = key == null || key.isBlank() ? null : key.trim();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--host '" + host + "': unknown host; give an address of this machine,"
                    + " such as 127.0.0.1 (this machine only) or 0.0.0.0 (every network interface)");
        }
        if (key == null && !address.isLoopbackAddress() && !allowUnauthenticated) {
            throw new InvalidInputException("--host " + host + " serves the model beyond this machine, and no API key"
                    + " is set: put a key in the environment variable " + apiKeyEnv + " (clients send it as"
                    + " 'Authorization: Bearer <key>'; --api-key-env names another variable), or pass"
                    + " --allow-unauthenticated to serve without one on purpose");
        }
        return key;
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
        if (record != null && (record.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")
                || Files.isRegularFile(record))) {
            throw new ParameterException(spec.commandLine(), "--record takes the folder that receives "
                    + RunRecord.CALLS + ", not a file, but was " + record + "; give the folder instead, for example "
                    + "--record " + folderFor(record));
        }
    }

    /** Returns the folder a user who named the file {@code file} probably meant. */
    private static String folderFor(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.equalsIgnoreCase(RunRecord.CALLS)) {
            return file.getParent() == null ? "." : file.getParent().toString();
        }
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? file.resolveSibling(name.substring(0, dot)) : file.resolveSibling(name + "-calls")).toString();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing to remove
        }
    }
}
