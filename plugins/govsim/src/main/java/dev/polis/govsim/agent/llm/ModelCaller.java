package dev.polis.govsim.agent.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatRequest;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.ResponseFormat;

/**
 * Sends the agent's prompts to one chat model, labelling each call (agent, phase, month) for the run's call
 * records and counting it.
 */
public final class ModelCaller {

    private final ChatModel model;
    private final String agentId;
    private final GenerationSettings generation;
    private final CallCounter counter;

    /** Creates a caller for the calls {@code agentId} makes to {@code model}. */
    public ModelCaller(ChatModel model, String agentId, GenerationSettings generation, CallCounter counter) {
        this.model = Objects.requireNonNull(model, "model");
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.generation = Objects.requireNonNull(generation, "generation");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    /** Asks the model and returns its text. */
    public String ask(List<Message> messages, CallPurpose purpose, int month) {
        return ask(messages, purpose, month, null);
    }

    /** Asks the model for an answer in {@code format} ({@code null}: free text) and returns its text. */
    public String ask(List<Message> messages, CallPurpose purpose, int month, ResponseFormat format) {
        counter.count(month, purpose);
        ChatRequest request = new ChatRequest(messages, generation,
                Map.of("agent", agentId, "phase", purpose.label(), "month", Integer.toString(month)));
        return model.chat(format == null ? request : request.withResponseFormat(format)).text();
    }

    /** Returns the model's spec, for records. */
    public String spec() {
        return model.spec();
    }
}
