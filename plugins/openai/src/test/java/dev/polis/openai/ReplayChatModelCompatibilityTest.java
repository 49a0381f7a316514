package dev.polis.openai;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ModelSpec;
import dev.polis.core.calls.CallLog;
import dev.polis.core.calls.RecordingChatModel;
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
        recording = folder.resolve(CallLog.FILE_NAME);
        ReplayChatModelCompatibilityTest kit = new ReplayChatModelCompatibilityTest();
        try (CallLog log = CallLog.open(recording);
             ChatModel model = RecordingChatModel.wrap(ScriptedChatModel.always("Hello there, friend."),
                     ModelSpec.parse("scripted:kit"), log)) {
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
        return new ReplayChatModelProvider().create(ModelSpec.parse("replay:" + recording));
    }
}
