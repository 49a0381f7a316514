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
 * @param endpoint     where the answer came from when a model spreads its calls over several servers (the base
 *                     URL that answered, recorded with the call in {@code calls.jsonl}); {@code ""} when the
 *                     model has one place only; never {@code null}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ChatResponse(String text, FinishReason finishReason, Usage usage, String model,
                           List<ToolCall> toolCalls, String endpoint) {

    /** Checks the components. */
    public ChatResponse {
        Objects.requireNonNull(text, "text");
        finishReason = finishReason == null ? FinishReason.UNKNOWN : finishReason;
        usage = usage == null ? Usage.NONE : usage;
        model = model == null ? "" : model;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        endpoint = endpoint == null ? "" : endpoint;
    }

    /** Creates an answer from one place (no {@link #endpoint}). */
    public ChatResponse(String text, FinishReason finishReason, Usage usage, String model, List<ToolCall> toolCalls) {
        this(text, finishReason, usage, model, toolCalls, "");
    }

    /** Returns this answer as coming from {@code endpoint} (a base URL). */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public ChatResponse withEndpoint(String endpoint) {
        return new ChatResponse(text, finishReason, usage, model, toolCalls, endpoint);
    }

    /** Creates an answer that calls no tool. */
    public ChatResponse(String text, FinishReason finishReason, Usage usage, String model) {
        this(text, finishReason, usage, model, List.of(), "");
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
