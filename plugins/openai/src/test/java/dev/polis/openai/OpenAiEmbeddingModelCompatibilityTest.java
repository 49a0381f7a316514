package dev.polis.openai;

import java.net.InetSocketAddress;
import dev.polis.api.embedding.EmbeddingModelProvider;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;
import dev.polis.testkit.EmbeddingModelCompatibilityKit;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** The openai embedding client against polis serve's server, which serves a hashed-words embedder over loopback HTTP. */
@Timeout(60)
class OpenAiEmbeddingModelCompatibilityTest extends EmbeddingModelCompatibilityKit {

    private static ChatCompletionsServer server;

    @BeforeAll
    static void serve() {
        server = ChatCompletionsServer.start(ScriptedChatModel.always("x"), "scripted", new HashedWords(), "words",
                new InetSocketAddress("127.0.0.1", 0), ServerOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected EmbeddingModelProvider createProvider() {
        return new OpenAiEmbeddingModelProvider(name -> null);
    }

    @Override
    protected String spec() {
        return "openai:" + server.baseUrl() + "#words";
    }
}
