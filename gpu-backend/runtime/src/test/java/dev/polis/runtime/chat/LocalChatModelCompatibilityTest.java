package dev.polis.runtime.chat;

import java.nio.file.Path;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ModelRequest;
import dev.polis.runtime.fixtures.TestHost;
import dev.polis.testkit.ChatModelCompatibilityKit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The chat-model contract, on a tiny random checkpoint run by the real runtime on the CPU. */
class LocalChatModelCompatibilityTest extends ChatModelCompatibilityKit {

    @TempDir
    static Path temp;

    private static Path folder;

    @BeforeAll
    static void writeCheckpoint() {
        folder = TinyChatCheckpoint.writeTo(temp);
    }

    @Override
    protected ChatModel createModel() {
        return new LocalChatModelProvider(TestHost.extensions(), TestHost.settings())
                .create(ModelRequest.of("local:" + folder));
    }

    @Override
    protected ChatRequest typicalRequest() {
        return ChatRequest.of(Message.system("You answer in one short sentence."), Message.user("Say hello."))
                .withSettings(GenerationSettings.DEFAULTS.withMaxTokens(24));
    }
}
