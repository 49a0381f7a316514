package dev.polis.api.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Asks a chat model for the next message of a conversation.
 *
 * @param messages the conversation so far, oldest first; never empty
 * @param settings how to generate; never {@code null}
 * @param metadata labels recorded with the call (agent id, phase), never sent to the model
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ChatRequest(List<Message> messages, GenerationSettings settings, Map<String, String> metadata) {

    /** Copies the collections and checks that there is at least one message. */
    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        settings = settings == null ? GenerationSettings.DEFAULTS : settings;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
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
        return new ChatRequest(messages, newSettings, metadata);
    }
}
