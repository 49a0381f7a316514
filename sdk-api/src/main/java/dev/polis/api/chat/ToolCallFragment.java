package dev.polis.api.chat;

import org.apiguardian.api.API;

/**
 * A piece of a tool call as a streamed answer produces it, in the shape of OpenAI's streamed {@code tool_calls}.
 *
 * <p>The first fragment of a call carries its {@code id} and {@code name}; later fragments of the same call
 * ({@code index}) carry only more characters of its arguments. Joining the argument pieces of one index in
 * arrival order gives {@link ToolCall#arguments()}; the complete calls also arrive in
 * {@link ChatResponse#toolCalls()} at the end.
 *
 * @param index     which call of the answer this piece belongs to, from 0
 * @param id        the call's id on its first fragment; otherwise {@code null}
 * @param name      the tool's name on its first fragment; otherwise {@code null}
 * @param arguments the next characters of the arguments; {@code ""} when none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ToolCallFragment(int index, String id, String name, String arguments) {

    /** Checks the index; {@code null} arguments become {@code ""}. */
    public ToolCallFragment {
        if (index < 0) {
            throw new IllegalArgumentException("a tool call fragment's index must be >= 0 but was " + index);
        }
        arguments = arguments == null ? "" : arguments;
    }

    /** Returns whether this fragment starts its call (it carries the id and name). */
    public boolean starts() {
        return id != null;
    }
}
