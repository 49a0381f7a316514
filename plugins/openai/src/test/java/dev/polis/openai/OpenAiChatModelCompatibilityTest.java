package dev.polis.openai;

import java.net.InetSocketAddress;
import java.util.Map;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.ChatModelCompatibilityKit;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** The openai client against polis serve's server, which serves a scripted model. */
@Timeout(60)
class OpenAiChatModelCompatibilityTest extends ChatModelCompatibilityKit {

    private static ChatCompletionsServer server;

    @BeforeAll
    static void serve() {
        server = ChatCompletionsServer.start(ScriptedChatModel.always("Hello there, friend."), "scripted",
                new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected ChatModel createModel() {
        return new OpenAiChatModelProvider(name -> null).create(ModelRequest.of(new ModelSpec("openai",
                server.baseUrl().toString(), "scripted", Map.of("readTimeout", "10s", "connectTimeout", "5s"))));
    }
}
