package dev.polis.api.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Asks a chat model for the next message of a conversation.
 *
 * @param messages       the conversation so far, oldest first; never empty
 * @param settings       how to generate; never {@code null}
 * @param metadata       labels recorded with the call (agent id, phase), never sent to the model
 * @param tools          the tools the model may call; empty for none; never {@code null}
 * @param toolChoice     whether the model may, must or must not call a tool; {@code null} leaves it to the
 *                       model (which then decides when tools are given)
 * @param responseFormat the shape the answer's text must have; {@code null} leaves it to the model (free text)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ChatRequest(List<Message> messages, GenerationSettings settings, Map<String, String> metadata,
                          List<ToolDefinition> tools, ToolChoice toolChoice, ResponseFormat responseFormat) {

    /**
     * Copies the collections and checks that there is at least one message, that tool names are unique, that
     * the tool choice names a given tool, and that every tool result answers a call of an earlier message.
     *
     * @throws dev.polis.api.InvalidInputException when the tools, the tool choice or a tool result do not fit
     *                                             together; the message names the field
     */
    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        settings = settings == null ? GenerationSettings.DEFAULTS : settings;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        tools = tools == null ? List.of() : List.copyOf(tools);
        ToolUseChecks.check(messages, tools, toolChoice);
    }

    /** Creates a request without tools and with the model's default response format. */
    public ChatRequest(List<Message> messages, GenerationSettings settings, Map<String, String> metadata) {
        this(messages, settings, metadata, List.of(), null, null);
    }

    /** Creates a request with default settings and no metadata. */
    public static ChatRequest of(List<Message> messages) {
        return new ChatRequest(messages, GenerationSettings.DEFAULTS, Map.of());
    }

    /** Creates a request of messages with default settings. */
    public static ChatRequest of(Message... messages) {
        return of(List.of(messages));
    }

    /** Returns a copy with other settings. */
    public ChatRequest withSettings(GenerationSettings newSettings) {
        return new ChatRequest(messages, newSettings, metadata, tools, toolChoice, responseFormat);
    }

    /** Returns a copy with other metadata labels. */
    public ChatRequest withMetadata(Map<String, String> newMetadata) {
        return new ChatRequest(messages, settings, newMetadata, tools, toolChoice, responseFormat);
    }

    /** Returns a copy offering {@code newTools} with the choice {@code choice} ({@code null}: the model's). */
    public ChatRequest withTools(List<ToolDefinition> newTools, ToolChoice choice) {
        return new ChatRequest(messages, settings, metadata, newTools, choice, responseFormat);
    }

    /** Returns a copy asking for answers of the format {@code format} ({@code null}: the model's default). */
    public ChatRequest withResponseFormat(ResponseFormat format) {
        return new ChatRequest(messages, settings, metadata, tools, toolChoice, format);
    }

    /** Returns a copy with other messages, keeping everything else. */
    public ChatRequest withMessages(List<Message> newMessages) {
        return new ChatRequest(newMessages, settings, metadata, tools, toolChoice, responseFormat);
    }
}
