package dev.polis.openai.bench;

import java.net.InetSocketAddress;
import java.util.Locale;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelSpec;
import dev.polis.openai.OpenAiChatModelProvider;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.chat.ScriptedChatModel;

/**
 * Measures the openai client's overhead per call and its streamed tokens per second against
 * {@link ChatCompletionsServer} on loopback, serving a {@link ScriptedChatModel} with a fixed reply.
 *
 * <p>Arguments (all optional): calls per measurement (default 2000), streamed reply length in words (default 2000),
 * streamed calls (default 20). Prints one line per figure.
 */
public final class LoopbackBenchmark {

    private LoopbackBenchmark() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int words = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int streams = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        ChatRequest request = ChatRequest.of(Message.system("You answer briefly."), Message.user("Say hello."));
        ScriptedChatModel fixed = ScriptedChatModel.always("Hello there, friend.");
        ScriptedChatModel longReply = ScriptedChatModel.always("word ".repeat(words).strip());

        double direct = perCallMicros(fixed, request, calls);
        try (ChatCompletionsServer server = ChatCompletionsServer.start(fixed, "fixed",
                new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
             ChatCompletionsServer streaming = ChatCompletionsServer.start(longReply, "long",
                     new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
             ChatModel client = client(server, "fixed");
             ChatModel streamClient = client(streaming, "long")) {
            double overHttp = perCallMicros(client, request, calls);
            double streamedOverHttp = perCallMicros(new StreamingCalls(client), request, calls);
            double tokensPerSecond = tokensPerSecond(streamClient, request, streams);
            System.out.printf(Locale.ROOT, "direct ScriptedChatModel.chat: %.1f us/call%n", direct);
            System.out.printf(Locale.ROOT, "openai client -> polis serve (chat): %.1f us/call, overhead %.1f us/call%n",
                    overHttp, overHttp - direct);
            System.out.printf(Locale.ROOT, "openai client -> polis serve (stream, 3 pieces): %.1f us/call%n",
                    streamedOverHttp);
            System.out.printf(Locale.ROOT, "streamed tokens per second (%d-word replies, %d streams): %.0f%n", words,
                    streams, tokensPerSecond);
        }
    }

    private static ChatModel client(ChatCompletionsServer server, String model) {
        return new OpenAiChatModelProvider(name -> null).create(
                ModelSpec.parse("openai:" + server.baseUrl() + "#" + model));
    }

    private static double perCallMicros(ChatModel model, ChatRequest request, int calls) {
        for (int i = 0; i < calls / 2; i++) {
            model.chat(request);
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            model.chat(request);
        }
        return (System.nanoTime() - start) / 1000.0 / calls;
    }

    private static double tokensPerSecond(ChatModel model, ChatRequest request, int streams) {
        int[] pieces = {0};
        for (int i = 0; i < Math.max(1, streams / 4); i++) {
            model.stream(request, piece -> { });
        }
        long start = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            model.stream(request, piece -> pieces[0]++);
        }
        return pieces[0] / ((System.nanoTime() - start) / 1e9);
    }

    /** Makes {@code chat} go through {@code stream}, to time streamed calls with the same loop. */
    private record StreamingCalls(ChatModel delegate) implements ChatModel {
        @Override
        public dev.polis.api.chat.ChatResponse chat(ChatRequest request) {
            return delegate.stream(request, piece -> { });
        }
    }
}
