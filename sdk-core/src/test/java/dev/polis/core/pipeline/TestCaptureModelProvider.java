package dev.polis.core.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ChatResponse;
import dev.polis.api.chat.FinishReason;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.Usage;
import org.pf4j.Extension;

/**
 * Chat models for tests of what reaches a provider: each request is noted in {@link #REQUESTS}, and the model
 * answers {@code 1} to everything ({@code test.capture:any}).
 */
@Extension
public class TestCaptureModelProvider implements ChatModelProvider {

    /** The requests providers of this class got, in order; tests clear it first. */
    public static final List<ModelRequest> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "test.capture";
    }

    @Override
    public ChatModel create(ModelRequest request) {
        REQUESTS.add(request);
        return chat -> new ChatResponse("1", FinishReason.STOP, Usage.NONE, "capture");
    }
}
