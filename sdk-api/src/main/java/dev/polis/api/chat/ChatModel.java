package dev.polis.api.chat;

import org.apiguardian.api.API;

/**
 * Answers chat requests: a model behind an HTTP server, in process, or replayed from a recording.
 *
 * <p>Implementations are thread-safe: agents of one society may call the same model concurrently.
 * {@link #stream} has a default that delivers the whole answer as one piece; models that can stream
 * override it.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface ChatModel extends AutoCloseable {

    /** Generates the next message of the conversation in {@code request}. */
    ChatResponse chat(ChatRequest request);

    /**
     * Generates the next message, handing its text and tool calls to {@code listener} as they are produced.
     *
     * <p>Returns the whole answer as well, once it is complete.
     */
    default ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
        ChatResponse response;
        try {
            response = chat(request);
        } catch (RuntimeException e) {
            listener.onError(e);
            throw e;
        }
        listener.onText(response.text());
        for (int i = 0; i < response.toolCalls().size(); i++) {
            ToolCall call = response.toolCalls().get(i);
            listener.onToolCallFragment(new ToolCallFragment(i, call.id(), call.name(), call.arguments()));
        }
        listener.onComplete(response);
        return response;
    }

    /** Returns the spec this model was created from ({@code openai:...#qwen2.5:7b}), for records. */
    default String spec() {
        return getClass().getSimpleName();
    }

    /** Releases connections or native memory; the default holds nothing. */
    @Override
    default void close() {
    }
}
