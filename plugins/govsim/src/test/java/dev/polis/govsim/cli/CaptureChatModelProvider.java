package dev.polis.govsim.cli;

import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelRequest;
import dev.polis.govsim.agent.llm.ScriptedGovSim;
import dev.polis.testkit.chat.ScriptedChatModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pf4j.Extension;

/**
 * A test provider, {@code capture:<anything>}, found by the host on the test class path: it keeps every request it
 * gets, so that a test can see which inference choices and run reached the model, and answers GovSim's prompts as
 * the scripted personas do (every harvest {@code Answer: 10 tons}).
 */
@Extension
public final class CaptureChatModelProvider implements ChatModelProvider {

    /** Every request any instance received, oldest first. */
    static final List<ModelRequest> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "capture";
    }

    @Override
    public ChatModel create(ModelRequest request) {
        REQUESTS.add(request);
        return ScriptedChatModel.builder().spec(request.spec().toString()).modelName("captured")
                .answer(r -> ScriptedGovSim.answer(ServedGovSimModel.nameOf(r), "Answer: 10 tons", r)).build();
    }
}
