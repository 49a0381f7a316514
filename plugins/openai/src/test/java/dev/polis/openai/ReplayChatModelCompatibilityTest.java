package dev.polis.openai;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.run.RunRecord;
import dev.polis.core.calls.ReplayChatModelProvider;
import dev.polis.testkit.ChatModelCompatibilityKit;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The replay model over a recording of a scripted model answering the kit's typical request. */
class ReplayChatModelCompatibilityTest extends ChatModelCompatibilityKit {

    private static Path folder;
    private static Path recording;

    @BeforeAll
    static void record() throws Exception {
        folder = Files.createTempDirectory("polis-replay-kit");
        recording = folder.resolve(RunRecord.CALLS);
        ReplayChatModelCompatibilityTest kit = new ReplayChatModelCompatibilityTest();
        ChatModelProvider scripted = new ChatModelProvider() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public ChatModel create(ModelRequest request) {
                return ScriptedChatModel.always("Hello there, friend.");
            }
        };
        try (ChatModel model = TestModels.over(scripted)
                .chat(ModelRequest.of("scripted:kit").inRun(TestModels.runIn(folder)))) {
            for (int i = 0; i < kit.concurrentCallers() * 2; i++) {
                model.chat(kit.typicalRequest());
            }
        }
    }

    @AfterAll
    static void clean() throws Exception {
        Files.deleteIfExists(recording);
        Files.deleteIfExists(folder);
    }

    @Override
    protected ChatModel createModel() {
        return new ReplayChatModelProvider().create(ModelRequest.of("replay:" + recording));
    }
}
