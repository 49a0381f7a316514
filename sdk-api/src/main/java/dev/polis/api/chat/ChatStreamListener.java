package dev.polis.api.chat;

import org.apiguardian.api.API;

/**
 * Receives a streamed answer piece by piece; exactly one of {@link #onComplete} or {@link #onError} ends it.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface ChatStreamListener {

    /** Receives the next piece of generated text. */
    void onText(String piece);

    /**
     * Receives the next piece of a tool call; the default ignores it (the complete calls arrive in
     * {@link #onComplete}). Listeners that wrap another listener forward it.
     */
    default void onToolCallFragment(ToolCallFragment fragment) {
    }

    /** Receives the whole answer once generation has ended. */
    default void onComplete(ChatResponse response) {
    }

    /** Receives the failure that ended the stream. */
    default void onError(Throwable error) {
    }
}
