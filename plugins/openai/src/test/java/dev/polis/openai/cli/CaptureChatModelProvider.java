package dev.polis.openai.cli;

import java.util.concurrent.atomic.AtomicReference;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelRequest;
import dev.polis.testkit.chat.ScriptedChatModel;
import org.pf4j.Extension;

/**
 * A test provider, {@code capture:<anything>}, found by the host on the test class path: it keeps the last request
 * it got, so that a test can see which inference choices reached the model, and answers "captured".
 */
@Extension
public final class CaptureChatModelProvider implements ChatModelProvider {

    /** The last request any instance received, or {@code null}. */
    static final AtomicReference<ModelRequest> LAST = new AtomicReference<>();

    @Override
    public String id() {
        return "capture";
    }

    @Override
    public ChatModel create(ModelRequest request) {
        LAST.set(request);
        return ScriptedChatModel.always("captured");
    }
}
