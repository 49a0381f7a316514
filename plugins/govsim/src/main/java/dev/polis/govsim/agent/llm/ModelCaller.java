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
 * records and counting it, with the token limit and stops of its purpose ({@link CallLimits}).
 *
 * <p>A call with a reply prefix returns the prefix and the reply as one text (the reply alone when it already
 * starts with the prefix, as a model that was not continuing may write it again).
 */
public final class ModelCaller {

    private final ChatModel model;
    private final String agentId;
    private final GenerationSettings generation;
    private final CallCounter counter;
    private final CallLimits limits;

    /** Creates a caller for the calls {@code agentId} makes to {@code model}, every call with {@code generation}. */
    public ModelCaller(ChatModel model, String agentId, GenerationSettings generation, CallCounter counter) {
        this(model, agentId, generation, counter, null);
    }

    /** Creates a caller whose calls take their limit and stops from {@code limits} ({@code null}: {@code generation}'s). */
    public ModelCaller(ChatModel model, String agentId, GenerationSettings generation, CallCounter counter,
                       CallLimits limits) {
        this.model = Objects.requireNonNull(model, "model");
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.generation = Objects.requireNonNull(generation, "generation");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.limits = limits;
    }

    /** Asks the model and returns its text. */
    public String ask(List<Message> messages, CallPurpose purpose, int month) {
        return ask(messages, purpose, month, null);
    }

    /** Asks the model for an answer in {@code format} ({@code null}: free text) and returns its text. */
    public String ask(List<Message> messages, CallPurpose purpose, int month, ResponseFormat format) {
        return ask(messages, purpose, month, format, "");
    }

    /** Asks the model for a reply that follows {@code prefix} ({@code ""}: none) and returns the prefix and reply. */
    public String ask(List<Message> messages, CallPurpose purpose, int month, ResponseFormat format, String prefix) {
        counter.count(month, purpose);
        GenerationSettings settings = limits == null ? generation : limits.apply(generation, purpose);
        ChatRequest request = new ChatRequest(messages, settings,
                Map.of("agent", agentId, "phase", purpose.label(), "month", Integer.toString(month)));
        String reply = model.chat(format == null ? request : request.withResponseFormat(format)).text();
        return withPrefix(prefix, reply);
    }

    /** Returns {@code prefix} followed by {@code reply}, or {@code reply} alone when it already starts with it. */
    static String withPrefix(String prefix, String reply) {
        String head = prefix == null ? "" : prefix.strip();
        if (head.isEmpty() || reply.stripLeading().startsWith(head)) {
            return reply;
        }
        return head + (reply.startsWith(" ") || reply.startsWith("\n") ? "" : " ") + reply;
    }

    /** Returns the model's spec, for records. */
    public String spec() {
        return model.spec();
    }
}
