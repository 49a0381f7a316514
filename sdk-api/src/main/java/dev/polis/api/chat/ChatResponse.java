package dev.polis.api.chat;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A model's answer to a {@link ChatRequest}.
 *
 * @param text         the generated text; never {@code null}
 * @param finishReason why generation stopped; never {@code null}
 * @param usage        token counts; never {@code null}
 * @param model        the model that answered, as its server or runtime names it
 * @param toolCalls    the tools the model calls, in order (several for parallel calls); empty when it
 *                     calls none; never {@code null}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ChatResponse(String text, FinishReason finishReason, Usage usage, String model,
                           List<ToolCall> toolCalls) {

    /** Checks the components. */
    public ChatResponse {
        Objects.requireNonNull(text, "text");
        finishReason = finishReason == null ? FinishReason.UNKNOWN : finishReason;
        usage = usage == null ? Usage.NONE : usage;
        model = model == null ? "" : model;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** Creates an answer that calls no tool. */
    public ChatResponse(String text, FinishReason finishReason, Usage usage, String model) {
        this(text, finishReason, usage, model, List.of());
    }

    /** Returns whether the model calls tools. */
    public boolean callsTools() {
        return !toolCalls.isEmpty();
    }

    /** Returns the answer as an assistant message attributed to the model, with its tool calls. */
    public Message asMessage() {
        return new Message(Role.ASSISTANT, text, Privilege.MODEL, model, toolCalls, "");
    }
}
