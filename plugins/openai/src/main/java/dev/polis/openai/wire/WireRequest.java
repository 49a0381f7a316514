package dev.polis.openai.wire;

import dev.polis.api.chat.ChatRequest;

/**
 * A chat-completions request as a server received it.
 *
 * @param model   the model the client asked for
 * @param request the conversation and settings
 * @param stream  whether the client asked for server-sent events
 */
public record WireRequest(String model, ChatRequest request, boolean stream) {
}
