package dev.polis.api.chat;

import org.apiguardian.api.API;

/** Says why a model stopped generating. */
@API(status = API.Status.STABLE, since = "0.1")
public enum FinishReason {
    /** The model ended its message or met a stop sequence. */
    STOP,
    /** The token limit was reached. */
    LENGTH,
    /** The model ended its message to call tools ({@link ChatResponse#toolCalls()}). */
    TOOL_CALLS,
    /** Generation was cancelled by the caller. */
    CANCELLED,
    /** The reason is not known (for example a server that does not say). */
    UNKNOWN
}
