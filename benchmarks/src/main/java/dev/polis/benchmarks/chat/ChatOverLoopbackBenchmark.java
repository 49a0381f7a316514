package dev.polis.benchmarks.chat;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.openai.OpenAiChatModelProvider;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures what the openai client adds to a model call, against {@code polis serve}'s server on loopback.
 *
 * <p>Both sides serve or call a {@link ScriptedChatModel} with a fixed reply, so the model itself costs
 * microseconds: {@code direct} is the model alone, {@code overHttp} and {@code streamedOverHttp} go
 * through the client, HTTP on 127.0.0.1 and the server. {@code longStream} streams a reply of
 * {@value #LONG_REPLY_WORDS} word pieces; tokens per second = {@value #LONG_REPLY_WORDS} / (seconds per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ChatOverLoopbackBenchmark {

    /** Word pieces in the long streamed reply. */
    public static final int LONG_REPLY_WORDS = 2000;

    private static final ChatRequest REQUEST =
            ChatRequest.of(Message.system("You answer briefly."), Message.user("Say hello."));

    private ScriptedChatModel shortModel;
    private ChatCompletionsServer shortServer;
    private ChatCompletionsServer longServer;
    private ChatModel shortClient;
    private ChatModel longClient;

    @Setup
    public void start() {
        shortModel = ScriptedChatModel.always("Hello there, friend.");
        ScriptedChatModel longModel = ScriptedChatModel.always("word ".repeat(LONG_REPLY_WORDS).strip());
        shortServer = ChatCompletionsServer.start(shortModel, "short", new InetSocketAddress("127.0.0.1", 0),
                ServerOptions.DEFAULTS);
        longServer = ChatCompletionsServer.start(longModel, "long", new InetSocketAddress("127.0.0.1", 0),
                ServerOptions.DEFAULTS);
        shortClient = client(shortServer, "short");
        longClient = client(longServer, "long");
    }

    @TearDown
    public void stop() {
        shortClient.close();
        longClient.close();
        shortServer.close();
        longServer.close();
    }

    /** The scripted model called in process: the baseline. */
    @Benchmark
    public ChatResponse direct() {
        return shortModel.chat(REQUEST);
    }

    /** One non-streamed call through the client, HTTP and the server. */
    @Benchmark
    public ChatResponse overHttp() {
        return shortClient.chat(REQUEST);
    }

    /** One streamed call of a three-word reply through the client, SSE and the server. */
    @Benchmark
    public ChatResponse streamedOverHttp(Blackhole pieces) {
        return shortClient.stream(REQUEST, pieces::consume);
    }

    /** One streamed call of a {@value #LONG_REPLY_WORDS}-piece reply. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ChatResponse longStream(Blackhole pieces) {
        return longClient.stream(REQUEST, pieces::consume);
    }

    private static ChatModel client(ChatCompletionsServer server, String model) {
        return new OpenAiChatModelProvider(name -> null).create(
                ModelRequest.of("openai:" + server.baseUrl() + "#" + model));
    }
}
